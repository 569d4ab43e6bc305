package io.stormwatch.formats.files;

import java.util.Arrays;

/** A growable byte buffer for the record being read; reused from record to record. */
final class RecordBuffer {
  private byte[] bytes = new byte[8 * 1024];
  private int size;

  void append(int b) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[size++] = (byte) b;
  }

  int size() {
    return size;
  }

  byte lastByte() {
    return bytes[size - 1];
  }

  void dropLast() {
    size--;
  }

  boolean isBlank() {
    for (int i = 0; i < size; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** Keeps only the first {@code length} bytes. */
  void truncate(int length) {
    size = Math.min(size, length);
  }

  /** Returns the content and empties the buffer, shrinking it if one huge record grew it. */
  byte[] take() {
    byte[] content = Arrays.copyOf(bytes, size);
    size = 0;
    if (bytes.length > 1024 * 1024) {
      bytes = new byte[8 * 1024];
    }
    return content;
  }
}
