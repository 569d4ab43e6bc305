package io.stormwatch.traffic.export;

import io.stormwatch.sim.SimulatedRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Event Hub messages of Entra diagnostic settings, one per line: each a {@code {"records":[...]}}
 * envelope of the sign-ins of one minute, at most {@value #MAX_RECORDS_PER_MESSAGE} per message.
 */
final class EventHubExport implements RecordFileWriter {
  static final int MAX_RECORDS_PER_MESSAGE = 100;

  private static final byte[] OPEN = "{\"records\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CLOSE = "]}\n".getBytes(StandardCharsets.UTF_8);

  private final Path file;
  private final OutputStream out;
  private int inMessage;
  private long messageMinute = Long.MIN_VALUE;

  EventHubExport(Path file) throws IOException {
    this.file = file;
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
  }

  @Override
  public void write(SimulatedRecord record) throws IOException {
    long minute = Math.floorDiv(record.eventTime().getEpochSecond(), 60);
    if (inMessage > 0 && (minute != messageMinute || inMessage == MAX_RECORDS_PER_MESSAGE)) {
      out.write(CLOSE);
      inMessage = 0;
    }
    out.write(inMessage == 0 ? OPEN : new byte[] {','});
    out.write(record.json());
    inMessage++;
    messageMinute = minute;
  }

  @Override
  public List<Path> files() {
    return List.of(file);
  }

  @Override
  public void close() throws IOException {
    if (inMessage > 0) {
      out.write(CLOSE);
    }
    out.close();
  }
}
