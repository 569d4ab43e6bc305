package io.stormwatch.formats.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads a file through {@link AuditFileReader} and prints how many records of each kind it held.
 */
public final class CountRecordsMain {
  private CountRecordsMain() {}

  /** Runs in a child JVM with a small heap, so reading a big file proves memory stays bounded. */
  public static void main(String[] args) throws IOException {
    Map<RawKind, Integer> counts = new EnumMap<>(RawKind.class);
    int withTenantAndTime = 0;
    String stopped = "";
    try (AuditFileReader reader = AuditFileReader.open(Path.of(args[0]))) {
      while (reader.hasNext()) {
        RawRecord record = reader.next();
        counts.merge(record.kind(), 1, Integer::sum);
        if (record.tenantId() != null && record.eventTime() != null) {
          withTenantAndTime++;
        }
      }
    } catch (UncheckedIOException unfinished) {
      stopped = " stopped: " + unfinished.getCause().getMessage();
    }
    System.out.println(
        "records="
            + counts.values().stream().mapToInt(Integer::intValue).sum()
            + " unified="
            + counts.getOrDefault(RawKind.UNIFIED_AUDIT_LOG, 0)
            + " unknown="
            + counts.getOrDefault(RawKind.UNKNOWN, 0)
            + " routable="
            + withTenantAndTime
            + stopped);
  }
}
