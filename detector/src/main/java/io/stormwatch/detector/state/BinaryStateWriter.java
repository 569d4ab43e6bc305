package io.stormwatch.detector.state;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

/** Writes rule state compactly: primitives, nullable strings and short collections. */
public final class BinaryStateWriter {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
  private final DataOutputStream out = new DataOutputStream(bytes);

  public BinaryStateWriter(int formatVersion) {
    writeByte(formatVersion);
  }

  public BinaryStateWriter writeByte(int value) {
    return run(() -> out.writeByte(value));
  }

  public BinaryStateWriter writeInt(int value) {
    return run(() -> out.writeInt(value));
  }

  public BinaryStateWriter writeLong(long value) {
    return run(() -> out.writeLong(value));
  }

  public BinaryStateWriter writeDouble(double value) {
    return run(() -> out.writeDouble(value));
  }

  public BinaryStateWriter writeBoolean(boolean value) {
    return run(() -> out.writeBoolean(value));
  }

  /** Writes a string that may be null. */
  public BinaryStateWriter writeString(String value) {
    return run(
        () -> {
          out.writeBoolean(value != null);
          if (value != null) {
            out.writeUTF(value);
          }
        });
  }

  public BinaryStateWriter writeStrings(Collection<String> values) {
    writeInt(values.size());
    values.forEach(this::writeString);
    return this;
  }

  public BinaryStateWriter writeLongs(Collection<Long> values) {
    writeInt(values.size());
    values.forEach(this::writeLong);
    return this;
  }

  public byte[] toByteArray() {
    return bytes.toByteArray();
  }

  private BinaryStateWriter run(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return this;
  }

  private interface IoAction {
    void run() throws IOException;
  }
}
