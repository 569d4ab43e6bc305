package io.stormwatch.detector.state;

/**
 * Encodes one type of stored state to bytes and back. Every encoding starts with the format version
 * it was written in; {@link #decode} reads that version and every earlier one, so state kept in a
 * store and its changelog survives an upgrade (see the package documentation for the rule).
 *
 * @param <S> the state type
 */
public interface StateCodec<S> {

  /** The format version {@link #encode} writes: 1, bumped whenever the layout changes. */
  int version();

  byte[] encode(S state);

  /**
   * Decodes state written in any version up to {@link #version}.
   *
   * @throws IllegalStateException if the bytes were written by a newer release, or are corrupt
   */
  S decode(byte[] bytes);
}
