package io.stormwatch.formats.files;

import io.stormwatch.formats.common.RejectionType;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads one record per line; a broken line spoils only itself. Blank lines are skipped. A line
 * longer than a record may be is yielded once, refused, and read past without being held.
 */
final class JsonLinesSource implements RecordSource {
  private final ByteInput input;
  private final String fileName;
  private final RawRecordFactory records;
  private final int maxRecordBytes;
  private final RecordBuffer line = new RecordBuffer();
  private int lineNumber;

  JsonLinesSource(ByteInput input, String fileName, RawRecordFactory records, FileLimits limits) {
    this.input = input;
    this.fileName = fileName;
    this.records = records;
    this.maxRecordBytes = limits.maxRecordBytes();
  }

  @Override
  public RawRecord next() throws IOException {
    while (true) {
      lineNumber++;
      long length = 0;
      int b;
      while ((b = input.read()) >= 0 && b != '\n') {
        length++;
        if (length <= maxRecordBytes) {
          line.append(b);
        } else if (length == maxRecordBytes + 1L) {
          line.truncate(FileLimits.KEPT_BYTES);
        }
      }
      boolean endOfFile = b < 0;
      if (length > maxRecordBytes) {
        return records.refused(
            line.take(), position(), RejectionType.MESSAGE_TOO_LARGE, tooLong(length));
      }
      if (line.size() > 0 && line.lastByte() == '\r') {
        line.dropLast();
      }
      if (!line.isBlank()) {
        return records.fromJson(line.take(), position());
      }
      line.take();
      if (endOfFile) {
        return null;
      }
    }
  }

  @Override
  public String position() {
    return fileName + ":" + lineNumber;
  }

  private String tooLong(long length) {
    return String.format(
        Locale.ROOT,
        "a line of %,d bytes, longer than the %,d bytes a raw record may be; its first %,d bytes"
            + " are kept",
        length,
        maxRecordBytes,
        FileLimits.KEPT_BYTES);
  }
}
