package io.stormwatch.detector.state;

/**
 * A {@link StateCodec} over {@link BinaryStateWriter} and {@link BinaryStateReader}: writes the
 * version byte, then the state; reads the version byte and hands the rest to {@link #read} with the
 * version it was written in.
 *
 * @param <S> the state type
 */
public abstract class BinaryStateCodec<S> implements StateCodec<S> {

  private final String stateName;
  private final int version;

  /**
   * @param stateName what the state is, for error messages: {@code token-replay}, {@code account}
   * @param version the version this codec writes
   */
  protected BinaryStateCodec(String stateName, int version) {
    if (version < 1 || version > Byte.MAX_VALUE) {
      throw new IllegalArgumentException("a format version is 1 to 127, was " + version);
    }
    this.stateName = stateName;
    this.version = version;
  }

  @Override
  public final int version() {
    return version;
  }

  @Override
  public final byte[] encode(S state) {
    BinaryStateWriter out = new BinaryStateWriter().writeByte(version);
    write(state, out);
    return out.toByteArray();
  }

  @Override
  public final S decode(byte[] bytes) {
    BinaryStateReader in = new BinaryStateReader(bytes);
    return read(in, readVersion(in));
  }

  /** Reads the version byte and checks that this codec reads that version. */
  private int readVersion(BinaryStateReader in) {
    int written = in.readByte();
    if (written > version) {
      throw new IllegalStateException(
          stateName
              + " state has format version "
              + written
              + ", written by a newer release; this release reads versions 1 to "
              + version
              + ": run the newer release, or reset the application's state");
    }
    if (written < 1) {
      throw new IllegalStateException(
          stateName + " state has format version " + written + ": not state Stormwatch wrote");
    }
    return written;
  }

  /** Writes {@code state} in the current {@link #version}. */
  protected abstract void write(S state, BinaryStateWriter out);

  /** Reads state written in {@code version}, between 1 and the current {@link #version}. */
  protected abstract S read(BinaryStateReader in, int version);
}
