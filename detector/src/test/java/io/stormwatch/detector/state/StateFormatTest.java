package io.stormwatch.detector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.stormwatch.detector.testing.StateFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stored state type against its golden bytes, checked in under {@code
 * src/test/resources/state/}: state written by a release sits in stores and changelog topics, so
 * its bytes may not change without a new format version, and every earlier version must still be
 * read. A layout change without a version bump fails here, and so does a version bump without the
 * previous version's bytes.
 */
class StateFormatTest {

  static List<StateFixture<?>> fixtures() {
    return StateFixtures.all();
  }

  /** Every fixture with every earlier version it has written. */
  static Stream<Arguments> earlierVersions() {
    return fixtures().stream()
        .flatMap(
            f ->
                IntStream.range(1, f.codec().version())
                    .mapToObj(version -> Arguments.of(f, version)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  <S> void encodesTheValueToItsGoldenBytes(StateFixture<S> fixture) {
    byte[] encoded = fixture.codec().encode(fixture.value().get());

    assertThat(hex(encoded))
        .as(
            "%s: the encoding differs from %s; a new layout is a new format version, with the"
                + " bytes of every earlier version kept and read",
            fixture.name(), file(fixture.name(), fixture.codec().version()))
        .isEqualTo(hex(golden(fixture)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  <S> void decodesItsGoldenBytesToTheSameValue(StateFixture<S> fixture) {
    byte[] golden = golden(fixture);

    assertThat(hex(fixture.codec().encode(fixture.codec().decode(golden)))).isEqualTo(hex(golden));
  }

  @ParameterizedTest(name = "{0} read from version {1}")
  @MethodSource("earlierVersions")
  <S> void decodesEveryEarlierVersionToTheSameValue(StateFixture<S> fixture, int version) {
    byte[] earlier =
        read(file(fixture.name(), version))
            .orElseThrow(
                () ->
                    new AssertionError(
                        fixture.name()
                            + " has version "
                            + fixture.codec().version()
                            + ": keep the bytes its version "
                            + version
                            + " wrote for the same value in "
                            + file(fixture.name(), version)));

    S decoded = fixture.codec().decode(earlier);

    assertThat(hex(fixture.codec().encode(decoded))).isEqualTo(hex(golden(fixture)));
  }

  private static byte[] golden(StateFixture<?> fixture) {
    String file = file(fixture.name(), fixture.codec().version());
    Optional<byte[]> golden = read(file);
    if (golden.isEmpty()) {
      fail(
          "no golden bytes for "
              + fixture
              + ": check in "
              + file
              + " holding\n"
              + hex(encode(fixture)));
    }
    return golden.get();
  }

  private static <S> byte[] encode(StateFixture<S> fixture) {
    return fixture.codec().encode(fixture.value().get());
  }

  private static String file(String name, int version) {
    return "state/" + name + "-v" + version + ".hex";
  }

  /** The bytes of a fixture file: hexadecimal, whitespace ignored, lines starting # comments. */
  private static Optional<byte[]> read(String resource) {
    try (InputStream in = StateFormatTest.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        return Optional.empty();
      }
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.startsWith("#"))
              .collect(Collectors.joining())
              .replaceAll("\\s", "");
      return Optional.of(HexFormat.of().parseHex(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hex(byte[] bytes) {
    String hex = HexFormat.of().formatHex(bytes);
    return IntStream.range(0, (hex.length() + 63) / 64)
        .mapToObj(i -> hex.substring(i * 64, Math.min(hex.length(), i * 64 + 64)))
        .collect(Collectors.joining("\n"));
  }
}
