package io.stormwatch.detector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How a codec reads the versions it has written, and refuses what it has not. */
class BinaryStateCodecTest {

  /** A state that gained a field in version 2: version 1 bytes read with the field's default. */
  private record Counter(long count, String label) {}

  private static final StateCodec<Counter> VERSION_1 = codec(1);
  private static final StateCodec<Counter> VERSION_2 = codec(2);

  private static StateCodec<Counter> codec(int version) {
    return new BinaryStateCodec<>("counter", version) {
      @Override
      protected void write(Counter state, BinaryStateWriter out) {
        out.writeLong(state.count());
        if (version >= 2) {
          out.writeString(state.label());
        }
      }

      @Override
      protected Counter read(BinaryStateReader in, int written) {
        long count = in.readLong();
        return new Counter(count, written >= 2 ? in.readString() : "unlabelled");
      }
    };
  }

  @Test
  void startsEveryEncodingWithItsVersion() {
    assertThat(VERSION_2.encode(new Counter(7, "x"))[0]).isEqualTo((byte) 2);
  }

  @Test
  void readsStateWrittenInAnEarlierVersion() {
    byte[] written = VERSION_1.encode(new Counter(7, "ignored"));

    assertThat(VERSION_2.decode(written)).isEqualTo(new Counter(7, "unlabelled"));
  }

  @Test
  void refusesStateOfANewerReleaseAndSaysSo() {
    byte[] written = VERSION_2.encode(new Counter(7, "x"));

    assertThatThrownBy(() -> VERSION_1.decode(written))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("counter state has format version 2, written by a newer release")
        .hasMessageContaining("reads versions 1 to 1");
  }

  @Test
  void refusesBytesThatAreNoVersionedState() {
    assertThatThrownBy(() -> VERSION_1.decode(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 7}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format version 0");
  }
}
