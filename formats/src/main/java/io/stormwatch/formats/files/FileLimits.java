package io.stormwatch.formats.files;

import io.stormwatch.formats.common.RecordLimits;

/**
 * How much of a recorded file one record may take, and how far a compressed file may expand, so
 * that reading any file needs bounded memory and time per record.
 *
 * <p>A record longer than {@code maxRecordBytes} (a line without its end, a giant array element, a
 * huge CSV row) is yielded once, refused, with its first {@value #KEPT_BYTES} bytes; the rest of it
 * is read past without being held. A gzip file that has expanded more than {@code
 * maxExpansionRatio} times its compressed size once {@value #EXPANSION_CHECKED_AFTER_BYTES} bytes
 * have come out is a decompression bomb: one refused record says so, and the rest of the file is
 * not read. Audit logs compress 4 to 15 times; a gzip bomb expands about 1,000 times.
 *
 * @param maxRecordBytes the largest record yielded whole: no more than the raw topics accept
 * @param maxExpansionRatio decompressed bytes per compressed byte beyond which a file is a bomb
 */
public record FileLimits(int maxRecordBytes, int maxExpansionRatio) {

  /** How much of a refused record is kept, to show what it was. */
  public static final int KEPT_BYTES = 64 * 1024;

  /** Decompressed bytes before the expansion ratio is checked: small files may compress well. */
  public static final long EXPANSION_CHECKED_AFTER_BYTES = 64L * 1024 * 1024;

  /** Records up to the normaliser's default message limit; files expanding up to 200 times. */
  public static final FileLimits DEFAULTS =
      new FileLimits(RecordLimits.DEFAULTS.maxMessageBytes(), 200);

  /**
   * @throws IllegalArgumentException if a record could not hold the kept bytes or the ratio is
   *     below 1
   */
  public FileLimits {
    if (maxRecordBytes < KEPT_BYTES) {
      throw new IllegalArgumentException(
          "a record must be allowed at least " + KEPT_BYTES + " bytes, was " + maxRecordBytes);
    }
    if (maxExpansionRatio < 1) {
      throw new IllegalArgumentException(
          "the expansion ratio must be at least 1, was " + maxExpansionRatio);
    }
  }

  /** The nesting and array limits a record is read with to route it. */
  RecordLimits recordLimits() {
    return new RecordLimits(
        maxRecordBytes,
        maxRecordBytes,
        RecordLimits.DEFAULTS.maxNestingDepth(),
        RecordLimits.DEFAULTS.maxArrayElements());
  }
}
