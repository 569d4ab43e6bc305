package io.stormwatch.formats.files;

import io.stormwatch.formats.common.AuditTimestamps;
import io.stormwatch.formats.common.RejectionType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Purview audit search CSV export: each row's AuditData cell is one UAL record.
 *
 * <p>Both headers Microsoft has used are read, {@code
 * RecordId,CreationDate,RecordType,Operation,UserId,AuditData,...} and the older {@code
 * CreationDate,UserIds,Operations,AuditData}, by column name rather than position. The row's {@code
 * CreationDate} (US locale, UTC) stands in for the time when AuditData has none.
 */
final class PurviewCsvSource implements RecordSource {
  private final CsvRowReader rows;
  private final String fileName;
  private final RawRecordFactory records;
  private final int maxRowChars;
  private int auditDataColumn = -1;
  private int creationDateColumn = -1;

  PurviewCsvSource(CsvRowReader rows, String fileName, RawRecordFactory records, int maxRowChars) {
    this.rows = rows;
    this.fileName = fileName;
    this.records = records;
    this.maxRowChars = maxRowChars;
  }

  @Override
  public String position() {
    return fileName + ":" + rows.line();
  }

  @Override
  public RawRecord next() throws IOException {
    if (auditDataColumn < 0 && !readHeader()) {
      return null;
    }
    CsvRowReader.Row row;
    while ((row = rows.next()) != null) {
      if (row.text().isBlank()) {
        continue;
      }
      String origin = fileName + ":" + row.line();
      List<String> fields = row.fields();
      if (row.oversized()) {
        return records.refused(
            row.text().getBytes(StandardCharsets.UTF_8),
            origin,
            RejectionType.MESSAGE_TOO_LARGE,
            "a CSV row longer than the "
                + maxRowChars
                + " characters a raw record may be; its first characters are kept");
      }
      if (fields.size() <= auditDataColumn) {
        return records.unknown(row.text().getBytes(StandardCharsets.UTF_8), origin);
      }
      Instant rowTime =
          creationDateColumn >= 0 && creationDateColumn < fields.size()
              ? AuditTimestamps.parse(fields.get(creationDateColumn)).orElse(null)
              : null;
      byte[] auditData = fields.get(auditDataColumn).getBytes(StandardCharsets.UTF_8);
      return records.fromAuditData(auditData, origin, rowTime);
    }
    return null;
  }

  private boolean readHeader() throws IOException {
    CsvRowReader.Row header = rows.next();
    if (header == null) {
      return false;
    }
    List<String> names = header.fields();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip().toLowerCase(Locale.ROOT);
      if (name.equals("auditdata")) {
        auditDataColumn = i;
      } else if (name.equals("creationdate")) {
        creationDateColumn = i;
      }
    }
    if (auditDataColumn < 0) {
      throw new IOException(fileName + ": CSV header has no AuditData column: " + header.text());
    }
    return true;
  }
}
