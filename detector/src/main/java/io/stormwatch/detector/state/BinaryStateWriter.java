package io.stormwatch.detector.state;

import java.util.Arrays;
import java.util.Collection;

/**
 * Writes rule state compactly: primitives, nullable strings and short collections.
 *
 * <p>The bytes are those of {@link java.io.DataOutputStream} (big-endian numbers, modified UTF-8
 * strings), written straight into an array: state is encoded for every event and every rule, and
 * the stream wrappers cost more than the state itself.
 */
public final class BinaryStateWriter {

  private static final int MAX_UTF_BYTES = 0xFFFF;

  private byte[] buffer = new byte[128];
  private int size;

  public BinaryStateWriter writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public BinaryStateWriter writeInt(int value) {
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
    return this;
  }

  public BinaryStateWriter writeLong(long value) {
    writeInt((int) (value >>> 32));
    return writeInt((int) value);
  }

  public BinaryStateWriter writeDouble(double value) {
    return writeLong(Double.doubleToLongBits(value));
  }

  public BinaryStateWriter writeBoolean(boolean value) {
    return writeByte(value ? 1 : 0);
  }

  /**
   * Writes a string that may be null.
   *
   * @throws IllegalArgumentException if its modified UTF-8 form exceeds 65,535 bytes
   */
  public BinaryStateWriter writeString(String value) {
    writeBoolean(value != null);
    if (value != null) {
      writeUtf(value);
    }
    return this;
  }

  /** Writes a byte array, length first. */
  public BinaryStateWriter writeBytes(byte[] value) {
    writeInt(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, buffer, size, value.length);
    size += value.length;
    return this;
  }

  public BinaryStateWriter writeStrings(Collection<String> values) {
    writeInt(values.size());
    for (String value : values) {
      writeString(value);
    }
    return this;
  }

  public BinaryStateWriter writeLongs(Collection<Long> values) {
    writeInt(values.size());
    for (long value : values) {
      writeLong(value);
    }
    return this;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void writeUtf(String value) {
    int length = value.length();
    int utfBytes = length;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80 || c == 0) {
        utfBytes += c >= 0x800 ? 2 : 1;
      }
    }
    if (utfBytes > MAX_UTF_BYTES) {
      throw new IllegalArgumentException(
          "a state string may take at most " + MAX_UTF_BYTES + " bytes, was " + utfBytes);
    }
    ensure(2 + utfBytes);
    buffer[size++] = (byte) (utfBytes >>> 8);
    buffer[size++] = (byte) utfBytes;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c != 0 && c < 0x80) {
        buffer[size++] = (byte) c;
      } else if (c < 0x800) {
        buffer[size++] = (byte) (0xC0 | (c >> 6));
        buffer[size++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buffer[size++] = (byte) (0xE0 | (c >> 12));
        buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
