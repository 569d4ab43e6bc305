package io.stormwatch.detector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * State written by earlier releases sits in changelog topics: the writer's bytes must stay those of
 * {@link DataOutputStream}, and the reader must read them back.
 */
class BinaryStateFormatTest {

  private static final List<String> STRINGS =
      List.of("", "203.0.113.7", "2001:db8::1", "Zoë Müller", "東京", "emoji \uD83D\uDE80", "nul\0");

  @Test
  void writesTheBytesOfADataOutputStream() throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    data.writeByte(3);
    data.writeByte(-7);
    data.writeInt(-123_456_789);
    data.writeLong(Long.MIN_VALUE + 42);
    data.writeDouble(-0.125);
    data.writeBoolean(true);
    data.writeBoolean(false);
    for (String s : STRINGS) {
      data.writeBoolean(true);
      data.writeUTF(s);
    }
    data.writeBoolean(false); // a null string

    BinaryStateWriter writer =
        new BinaryStateWriter()
            .writeByte(3)
            .writeByte(-7)
            .writeInt(-123_456_789)
            .writeLong(Long.MIN_VALUE + 42)
            .writeDouble(-0.125)
            .writeBoolean(true)
            .writeBoolean(false);
    STRINGS.forEach(writer::writeString);
    writer.writeString(null);

    assertThat(writer.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void readsBackEveryValue() {
    byte[] bytes =
        new BinaryStateWriter()
            .writeByte(-1)
            .writeInt(Integer.MAX_VALUE)
            .writeLong(-2L)
            .writeDouble(1e300)
            .writeBoolean(true)
            .writeString(null)
            .writeStrings(STRINGS)
            .writeLongs(List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE))
            .writeBytes(new byte[] {1, -2, 3})
            .writeBytes(new byte[0])
            .toByteArray();

    BinaryStateReader reader = new BinaryStateReader(bytes);
    assertThat(reader.readByte()).isEqualTo(-1);
    assertThat(reader.readInt()).isEqualTo(Integer.MAX_VALUE);
    assertThat(reader.readLong()).isEqualTo(-2L);
    assertThat(reader.readDouble()).isEqualTo(1e300);
    assertThat(reader.readBoolean()).isTrue();
    assertThat(reader.readString()).isNull();
    assertThat(reader.readStrings()).isEqualTo(STRINGS);
    assertThat(reader.readLongs()).containsExactly(0L, Long.MAX_VALUE, Long.MIN_VALUE);
    assertThat(reader.readBytes()).containsExactly(1, -2, 3);
    assertThat(reader.readBytes()).isEmpty();
  }

  @Test
  void growsPastItsFirstBuffer() {
    String long1 = "x".repeat(1000);
    byte[] bytes = new BinaryStateWriter().writeString(long1).writeLong(7).toByteArray();

    BinaryStateReader reader = new BinaryStateReader(bytes);
    assertThat(reader.readString()).isEqualTo(long1);
    assertThat(reader.readLong()).isEqualTo(7);
  }

  @Test
  void reportsTruncatedState() {
    byte[] whole = new BinaryStateWriter().writeString("abcdef").writeLong(9).toByteArray();
    byte[] truncated = Arrays.copyOf(whole, whole.length - 3);

    BinaryStateReader reader = new BinaryStateReader(truncated);
    assertThat(reader.readString()).isEqualTo("abcdef");
    assertThatThrownBy(reader::readLong).hasMessageContaining("truncated or corrupt");
  }

  @Test
  void refusesAStringTooLongForTheFormat() {
    assertThatThrownBy(() -> new BinaryStateWriter().writeString("y".repeat(70_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 65535 bytes");
  }
}
