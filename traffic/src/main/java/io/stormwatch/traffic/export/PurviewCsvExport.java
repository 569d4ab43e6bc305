package io.stormwatch.traffic.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.sim.SimulatedRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A Purview audit search export: a CSV with the columns {@code
 * RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames},
 * CRLF line ends, the UAL record in AuditData (RFC 4180 quoting) and, as Purview writes it, the
 * newest record first.
 */
final class PurviewCsvExport implements RecordFileWriter {
  static final String HEADER =
      "RecordId,CreationDate,RecordType,Operation,UserId,AuditData,"
          + "AssociatedAdminUnits,AssociatedAdminUnitsNames";

  /** Purview prints times in US format, to the second: {@code 9/20/2023 4:05:03 AM}. */
  private static final DateTimeFormatter CREATION_DATE =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  private final Path file;
  private final NewestFirstSpool rows;
  private final ObjectMapper json = new ObjectMapper();

  PurviewCsvExport(Path file, long memoryBudget, Path spillDirectory) {
    this.file = file;
    this.rows = new NewestFirstSpool(memoryBudget, spillDirectory);
  }

  @Override
  public void write(SimulatedRecord record) throws IOException {
    JsonNode audit = json.readTree(record.json());
    String row =
        String.join(
                ",",
                csv(audit.path("Id").asText()),
                csv(CREATION_DATE.format(record.eventTime())),
                csv(audit.path("RecordType").asText()),
                csv(audit.path("Operation").asText()),
                csv(audit.path("UserId").asText()),
                quoted(record.jsonText()),
                "",
                "")
            + "\r\n";
    rows.add(row.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public List<Path> files() {
    return List.of(file);
  }

  @Override
  public void close() throws IOException {
    try (rows;
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024)) {
      out.write((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
      for (Iterator<byte[]> newestFirst = rows.newestFirst(); newestFirst.hasNext(); ) {
        out.write(newestFirst.next());
      }
    }
  }

  private static String csv(String field) {
    boolean needsQuotes =
        field.indexOf(',') >= 0
            || field.indexOf('"') >= 0
            || field.indexOf('\n') >= 0
            || field.indexOf('\r') >= 0;
    return needsQuotes ? quoted(field) : field;
  }

  private static String quoted(String field) {
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
