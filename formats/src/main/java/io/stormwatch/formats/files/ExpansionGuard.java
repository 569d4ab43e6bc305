package io.stormwatch.formats.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Counts the bytes going into a decompressor and coming out of it, and stops a stream that expands
 * beyond {@link FileLimits#maxExpansionRatio()} with a {@link DecompressionBombException}.
 */
final class ExpansionGuard {
  private final long maxRatio;
  private long compressed;
  private long decompressed;

  ExpansionGuard(int maxRatio) {
    this.maxRatio = maxRatio;
  }

  /** The compressed stream, counted as the decompressor reads it. */
  InputStream compressed(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          compressed++;
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        compressed += Math.max(0, n);
        return n;
      }
    };
  }

  /** The decompressed stream, checked as it is read. */
  InputStream decompressed(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          produced(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        produced(Math.max(0, n));
        return n;
      }
    };
  }

  private void produced(int bytes) throws DecompressionBombException {
    decompressed += bytes;
    if (decompressed > FileLimits.EXPANSION_CHECKED_AFTER_BYTES
        && decompressed > maxRatio * Math.max(1, compressed)) {
      throw new DecompressionBombException(
          String.format(
              Locale.ROOT,
              "decompression bomb: %,d bytes came out of %,d compressed bytes, more than %d"
                  + " times; the rest of the file is not read",
              decompressed,
              compressed,
              maxRatio));
    }
  }
}
