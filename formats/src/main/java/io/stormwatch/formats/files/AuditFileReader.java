package io.stormwatch.formats.files;

import io.stormwatch.formats.common.RejectionType;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Streams the records of one recorded audit file, whatever its layout, for replay.
 *
 * <p>The layout is detected from the file's first bytes, after undoing gzip (recognised by its
 * magic bytes, not the file name) and skipping a UTF-8 byte order mark: JSON lines, a JSON array
 * (Management Activity API content blob, Log Analytics export), Event Hub or Graph envelopes,
 * pretty-printed JSON values, or a Purview audit search CSV export. Records are read one at a time,
 * so memory stays bounded whatever the file's size; each keeps its bytes as they were in the file.
 * Every record is yielded, including unreadable ones (as {@link RawKind#UNKNOWN}), so a caller can
 * count and dead-letter them. Records come in file order; ordering by event time across files is
 * the caller's job, using {@link RawRecord#eventTime()}.
 *
 * <p>Memory per record is bounded by {@link FileLimits}: a record longer than a raw record may be
 * is yielded once, refused ({@link RawRecord#refusal()}), and read past. A gzip file that expands
 * like a decompression bomb yields one refused record saying so where it was stopped; the next
 * {@link #hasNext()} then reports the file as damaged.
 *
 * <p>Not thread-safe. {@link #hasNext()} and {@link #next()} throw {@link UncheckedIOException}
 * when the file cannot be read (a damaged gzip stream, for instance).
 */
public final class AuditFileReader implements Iterator<RawRecord>, Closeable {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final InputStream stream;
  private final FileFormat format;
  private final RecordSource source;
  private final RawRecordFactory records;
  private RawRecord pending;
  private boolean finished;
  private IOException stoppedBy;

  private AuditFileReader(
      InputStream stream, FileFormat format, RecordSource source, RawRecordFactory records) {
    this.stream = stream;
    this.format = format;
    this.source = source;
    this.records = records;
  }

  /**
   * Opens a file and detects its layout.
   *
   * @param file a recorded audit file, plain or gzip-compressed
   * @return a reader positioned before the first record; close it when done
   * @throws IOException when the file cannot be opened or is a CSV without an AuditData column
   */
  public static AuditFileReader open(Path file) throws IOException {
    return open(file, FileLimits.DEFAULTS);
  }

  /**
   * Opens a file and detects its layout.
   *
   * @param file a recorded audit file, plain or gzip-compressed
   * @param limits how long a record and how large an expansion may be
   * @return a reader positioned before the first record; close it when done
   * @throws IOException when the file cannot be opened or is a CSV without an AuditData column
   */
  public static AuditFileReader open(Path file, FileLimits limits) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
    try {
      BufferedInputStream in = (BufferedInputStream) raw;
      if (FormatSniffer.isGzip(in)) {
        ExpansionGuard guard = new ExpansionGuard(limits.maxExpansionRatio());
        in =
            new BufferedInputStream(
                guard.decompressed(new GZIPInputStream(guard.compressed(in), BUFFER_BYTES)),
                BUFFER_BYTES);
      }
      FormatSniffer.skipByteOrderMark(in);
      FileFormat format = FormatSniffer.detect(in);
      String name = file.toString();
      RawRecordFactory records = new RawRecordFactory(limits);
      ByteInput bytes = new ByteInput(in);
      RecordSource source =
          switch (format) {
            case JSON_LINES, EMPTY -> new JsonLinesSource(bytes, name, records, limits);
            case JSON_VALUES -> new JsonElementSource(bytes, name, records, 0, -1, limits);
            case JSON_ARRAY -> new JsonElementSource(bytes, name, records, 1, '[', limits);
            case JSON_ENVELOPE -> new JsonElementSource(bytes, name, records, 2, '{', limits);
            case PURVIEW_CSV ->
                new PurviewCsvSource(
                    new CsvRowReader(
                        new InputStreamReader(in, StandardCharsets.UTF_8), limits.maxRecordBytes()),
                    name,
                    records,
                    limits.maxRecordBytes());
          };
      return new AuditFileReader(in, format, source, records);
    } catch (IOException | RuntimeException failure) {
      raw.close();
      throw failure;
    }
  }

  /**
   * Opens a file as a stream of records that closes the file when the stream is closed.
   *
   * @param file a recorded audit file, plain or gzip-compressed
   * @return the records in file order; use it in try-with-resources
   * @throws IOException when the file cannot be opened
   */
  public static Stream<RawRecord> records(Path file) throws IOException {
    AuditFileReader reader = open(file);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(reader::closeUnchecked);
  }

  /**
   * Returns the layout detected for the file.
   *
   * @return the format
   */
  public FileFormat format() {
    return format;
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !finished) {
      if (stoppedBy != null) {
        throw new UncheckedIOException(stoppedBy);
      }
      try {
        pending = source.next();
      } catch (DecompressionBombException bomb) {
        // Said once as a record where it happened, so it is dead-lettered like any other refusal.
        stoppedBy = bomb;
        pending =
            records.refused(
                new byte[0],
                source.position(),
                RejectionType.DECOMPRESSION_BOMB,
                bomb.getMessage());
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
      finished = pending == null;
    }
    return pending != null;
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawRecord record = pending;
    pending = null;
    return record;
  }

  @Override
  public void close() throws IOException {
    finished = true;
    stream.close();
  }

  private void closeUnchecked() {
    try {
      close();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
