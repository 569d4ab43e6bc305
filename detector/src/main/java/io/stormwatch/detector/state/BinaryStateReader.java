package io.stormwatch.detector.state;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@link BinaryStateWriter} wrote, checking the format version first. */
public final class BinaryStateReader {

  private final DataInputStream in;

  /**
   * Opens {@code bytes}.
   *
   * @throws IllegalStateException if they were written in another format version
   */
  public BinaryStateReader(byte[] bytes, int expectedFormatVersion, String stateName) {
    this.in = new DataInputStream(new ByteArrayInputStream(bytes));
    int version = readByte();
    if (version != expectedFormatVersion) {
      throw new IllegalStateException(
          stateName
              + " state has format version "
              + version
              + ", this release reads "
              + expectedFormatVersion
              + "; reset the application's state to rebuild it");
    }
  }

  public int readByte() {
    return read(in::readByte);
  }

  public int readInt() {
    return read(in::readInt);
  }

  public long readLong() {
    return read(in::readLong);
  }

  public double readDouble() {
    return read(in::readDouble);
  }

  public boolean readBoolean() {
    return read(in::readBoolean);
  }

  public String readString() {
    return read(() -> in.readBoolean() ? in.readUTF() : null);
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

  private <T> T read(IoRead<T> action) {
    try {
      return action.read();
    } catch (IOException e) {
      throw new IllegalStateException("state bytes are truncated or corrupt", e);
    }
  }

  private interface IoRead<T> {
    T read() throws IOException;
  }
}
