package io.stormwatch.formats.files;

import java.io.IOException;
import java.io.InputStream;

/** Unsynchronised byte-at-a-time reading over a stream, for the scanners' inner loops. */
final class ByteInput {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;

  ByteInput(InputStream in) {
    this.in = in;
  }

  /** Returns the next byte as 0..255, or -1 at the end of the stream. */
  int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++] & 0xff;
  }
}
