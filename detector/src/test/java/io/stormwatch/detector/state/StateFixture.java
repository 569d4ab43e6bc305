package io.stormwatch.detector.state;

import java.util.function.Supplier;

/**
 * A stored state type with a representative value, checked against its golden bytes by {@code
 * StateFormatTest}: {@code state/<name>-v<version>.hex} on the test class path holds the bytes of
 * {@link #value} in each version its codec has written.
 *
 * @param name the fixture files' name, e.g. {@code token-replay}
 * @param codec the codec under test
 * @param value makes the representative value, with every field set to something telling
 */
public record StateFixture<S>(String name, StateCodec<S> codec, Supplier<S> value) {

  @Override
  public String toString() {
    return name + " v" + codec.version();
  }
}
