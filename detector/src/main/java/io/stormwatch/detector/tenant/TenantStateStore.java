package io.stormwatch.detector.tenant;

/** Small encoded values of the tenant stage, addressed by string keys (a state store in Kafka). */
public interface TenantStateStore {

  byte[] get(String key);

  void put(String key, byte[] value);

  void delete(String key);
}
