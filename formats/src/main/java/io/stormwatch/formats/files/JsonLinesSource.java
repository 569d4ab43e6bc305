package io.stormwatch.formats.files;

import java.io.IOException;

/** Reads one record per line; a broken line spoils only itself. Blank lines are skipped. */
final class JsonLinesSource implements RecordSource {
  private final ByteInput input;
  private final String fileName;
  private final RawRecordFactory records;
  private final RecordBuffer line = new RecordBuffer();
  private int lineNumber;

  /** Set while the rest of an over-long line is being yielded in pieces. */
  private boolean continuingLongLine;

  JsonLinesSource(ByteInput input, String fileName, RawRecordFactory records) {
    this.input = input;
    this.fileName = fileName;
    this.records = records;
  }

  @Override
  public RawRecord next() throws IOException {
    while (true) {
      if (!continuingLongLine) {
        lineNumber++;
      }
      int b;
      while ((b = input.read()) >= 0 && b != '\n') {
        line.append(b);
        if (line.size() == MAX_RECORD_BYTES) {
          continuingLongLine = true;
          return records.unknown(line.take(), origin());
        }
      }
      boolean endOfFile = b < 0;
      if (line.size() > 0 && line.lastByte() == '\r') {
        line.dropLast();
      }
      if (continuingLongLine) {
        continuingLongLine = false;
        return records.unknown(line.take(), origin());
      }
      if (!line.isBlank()) {
        return records.fromJson(line.take(), origin());
      }
      line.take();
      if (endOfFile) {
        return null;
      }
    }
  }

  private String origin() {
    return fileName + ":" + lineNumber;
  }
}
