package io.stormwatch.sim;

/**
 * What a run produced.
 *
 * @param ualRecords Unified Audit Log records
 * @param signInRecords Entra sign-in records
 * @param jsonBytes total size of the JSON of all records
 */
public record SimulationStats(long ualRecords, long signInRecords, long jsonBytes) {

  public long records() {
    return ualRecords + signInRecords;
  }
}
