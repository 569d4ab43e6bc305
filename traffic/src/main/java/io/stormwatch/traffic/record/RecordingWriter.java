package io.stormwatch.traffic.record;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes raw-topic messages to a recording: JSON lines, one record per line, gzip-compressed when
 * the file name ends in {@code .gz}. {@code stormwatch replay} reads it back. Not thread-safe.
 */
public final class RecordingWriter implements Closeable {
  private static final int BUFFER_BYTES = 256 * 1024;

  private final OutputStream out;
  private final MessageLines messageLines = new MessageLines();
  private final Map<MessageLines.Outcome, Long> outcomes =
      new EnumMap<>(MessageLines.Outcome.class);
  private long lines;

  private RecordingWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Creates or replaces the recording file.
   *
   * @throws IOException if the file cannot be created
   */
  public static RecordingWriter create(Path file) throws IOException {
    OutputStream stream = Files.newOutputStream(file);
    boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    return new RecordingWriter(
        gzip
            ? new GZIPOutputStream(stream, BUFFER_BYTES)
            : new BufferedOutputStream(stream, BUFFER_BYTES));
  }

  /**
   * Writes one message's records, one per line.
   *
   * @throws IOException if the file cannot be written
   */
  public void write(byte[] message) throws IOException {
    MessageLines.Lines result = messageLines.of(message);
    outcomes.merge(result.outcome(), 1L, Long::sum);
    for (byte[] line : result.lines()) {
      out.write(line);
      out.write('\n');
      lines++;
    }
  }

  /** Records written, one per line. */
  public long records() {
    return lines;
  }

  /** Messages written as they were. */
  public long messagesAsIs() {
    return outcomes.getOrDefault(MessageLines.Outcome.AS_IS, 0L);
  }

  /** Messages holding several records, written one record per line. */
  public long messagesSplit() {
    return outcomes.getOrDefault(MessageLines.Outcome.SPLIT, 0L);
  }

  /** Messages spread over several lines, written without their line breaks. */
  public long messagesJoined() {
    return outcomes.getOrDefault(MessageLines.Outcome.LINE_BREAKS_REMOVED, 0L);
  }

  /** Empty messages, which hold no record and were not written. */
  public long messagesEmpty() {
    return outcomes.getOrDefault(MessageLines.Outcome.EMPTY, 0L);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
