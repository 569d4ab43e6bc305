package io.stormwatch.detector.tenant;

/** Token and session issuances seen in a tenant's sign-in logs, by event time. */
public interface IssuanceIndex {

  /** Records that {@code key} (a tenant-scoped token or session key) was issued at {@code time}. */
  void record(String key, long time);

  /** Whether {@code key} was issued at some time within [{@code from}, {@code to}]. */
  boolean issuedBetween(String key, long from, long to);
}
