package io.stormwatch.traffic.export;

import io.stormwatch.sim.SimulatedRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Management Activity API content blobs: what {@code GET} on a content URI of {@code
 * Audit.Exchange} returns, one JSON array of records, here one blob per hour of event time.
 */
final class ContentBlobExport implements RecordFileWriter {
  static final String CONTENT_TYPE = "Audit.Exchange";

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HH", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path directory;
  private final List<Path> files = new ArrayList<>();
  private OutputStream blob;
  private long blobHour = Long.MIN_VALUE;

  ContentBlobExport(Path directory) {
    this.directory = directory;
  }

  @Override
  public void write(SimulatedRecord record) throws IOException {
    long hour = record.eventTime().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
    if (hour != blobHour) {
      closeBlob();
      Path file = directory.resolve(CONTENT_TYPE + "_" + HOUR.format(record.eventTime()) + ".json");
      blob = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
      files.add(file);
      blobHour = hour;
      blob.write('[');
    } else {
      blob.write(',');
    }
    blob.write(record.json());
  }

  @Override
  public List<Path> files() {
    return List.copyOf(files);
  }

  @Override
  public void close() throws IOException {
    closeBlob();
  }

  private void closeBlob() throws IOException {
    if (blob != null) {
      blob.write(']');
      blob.close();
      blob = null;
    }
  }
}
