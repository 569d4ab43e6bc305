package io.stormwatch.detector.state;

/**
 * Encodes one kind of per-account rule state to bytes for a state store and back.
 *
 * <p>Every encoding starts with a format version byte, so that state written by an older release is
 * recognised after an upgrade instead of being misread.
 */
public interface StateCodec<S> {

  byte[] encode(S state);

  /**
   * Decodes state written by {@link #encode}.
   *
   * @throws IllegalStateException if the bytes were written in a format this release cannot read
   */
  S decode(byte[] bytes);
}
