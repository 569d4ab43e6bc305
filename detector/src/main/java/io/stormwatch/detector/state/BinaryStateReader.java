package io.stormwatch.detector.state;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what {@link BinaryStateWriter} wrote. Reads the array in place; strings of ASCII, which
 * state strings nearly always are, decode without a copy through a stream.
 */
public final class BinaryStateReader {

  private final byte[] bytes;
  private int position;

  /** Opens {@code bytes} at their first byte: for a codec's state, its format version. */
  public BinaryStateReader(byte[] bytes) {
    this.bytes = bytes;
  }

  public int readByte() {
    require(1);
    return bytes[position++];
  }

  public int readInt() {
    require(4);
    int value =
        (bytes[position] & 0xFF) << 24
            | (bytes[position + 1] & 0xFF) << 16
            | (bytes[position + 2] & 0xFF) << 8
            | (bytes[position + 3] & 0xFF);
    position += 4;
    return value;
  }

  public long readLong() {
    long high = readInt();
    return high << 32 | (readInt() & 0xFFFFFFFFL);
  }

  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  public boolean readBoolean() {
    return readByte() != 0;
  }

  public String readString() {
    return readBoolean() ? readUtf() : null;
  }

  /** Reads what {@link BinaryStateWriter#writeBytes} wrote. */
  public byte[] readBytes() {
    int length = readInt();
    if (length < 0) {
      throw corrupt(null);
    }
    require(length);
    byte[] value = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return value;
  }

  public List<String> readStrings() {
    int n = readInt();
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(readString());
    }
    return values;
  }

  public List<Long> readLongs() {
    int n = readInt();
    List<Long> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(readLong());
    }
    return values;
  }

  private String readUtf() {
    require(2);
    int length = (bytes[position] & 0xFF) << 8 | (bytes[position + 1] & 0xFF);
    require(2 + length);
    int start = position + 2;
    position = start + length;
    for (int i = start; i < start + length; i++) {
      if (bytes[i] <= 0) { // a multi-byte sequence (or a zero byte, which is never valid here)
        return decodeModifiedUtf8(start - 2, length + 2);
      }
    }
    return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
  }

  private String decodeModifiedUtf8(int offset, int length) {
    try {
      return new DataInputStream(new ByteArrayInputStream(bytes, offset, length)).readUTF();
    } catch (IOException e) {
      throw corrupt(e);
    }
  }

  private void require(int count) {
    if (position + count > bytes.length) {
      throw corrupt(null);
    }
  }

  private static IllegalStateException corrupt(Throwable cause) {
    return new IllegalStateException("state bytes are truncated or corrupt", cause);
  }
}
