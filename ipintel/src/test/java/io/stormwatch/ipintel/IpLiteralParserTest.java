package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralParserTest {

  @Test
  void parsesDottedQuadIntoAnUnsignedValue() {
    assertThat(IpLiteralParser.parseIpv4("0.0.0.0")).isZero();
    assertThat(IpLiteralParser.parseIpv4("1.2.3.4")).isEqualTo(0x01020304L);
    assertThat(IpLiteralParser.parseIpv4("255.255.255.255")).isEqualTo(0xFFFF_FFFFL);
    assertThat(IpLiteralParser.parseIpv4("192.168.100.10")).isEqualTo(0xC0A8640AL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1",
        "1.2.3",
        "1.2.3.4.5",
        "1.2.3.",
        ".1.2.3",
        "1..2.3",
        "256.0.0.1",
        "10.900.0.1",
        "1.2.3.1000",
        "01.2.3.4",
        "1.2.3.04",
        "1.2.3.4 ",
        " 1.2.3.4",
        "1.2.3.4/24",
        "1.2.3.4:443",
        "1.2.3.a",
        "+1.2.3.4",
        "-1.2.3.4",
        "localhost",
        "１.２.３.４"
      })
  void rejectsWhatIsNotADottedQuad(String text) {
    assertThat(IpLiteralParser.parseIpv4(text)).isEqualTo(IpLiteralParser.NOT_IPV4);
  }

  @Test
  void rejectsNullAsIpv4AndIpv6() {
    assertThat(IpLiteralParser.parseIpv4(null)).isEqualTo(IpLiteralParser.NOT_IPV4);
    assertThat(IpLiteralParser.parseIpv6(null)).isNull();
  }

  @Test
  void parsesEveryWayOfWritingTheSameIpv6Address() {
    Ipv6Address expected = new Ipv6Address(0x2001_0db8_0000_0000L, 0x0000_0000_0000_0001L);
    assertThat(IpLiteralParser.parseIpv6("2001:db8::1")).isEqualTo(expected);
    assertThat(IpLiteralParser.parseIpv6("2001:DB8::1")).isEqualTo(expected);
    assertThat(IpLiteralParser.parseIpv6("2001:0db8:0000:0000:0000:0000:0000:0001"))
        .isEqualTo(expected);
    assertThat(IpLiteralParser.parseIpv6("2001:db8:0:0:0:0:0:1")).isEqualTo(expected);
    assertThat(IpLiteralParser.parseIpv6("2001:db8:0::0:1")).isEqualTo(expected);
    assertThat(IpLiteralParser.parseIpv6("2001:db8::0.0.0.1")).isEqualTo(expected);
  }

  @Test
  void parsesAddressesWhereTheGapIsAtEitherEndOrEverywhere() {
    assertThat(IpLiteralParser.parseIpv6("::")).isEqualTo(new Ipv6Address(0, 0));
    assertThat(IpLiteralParser.parseIpv6("::1")).isEqualTo(new Ipv6Address(0, 1));
    assertThat(IpLiteralParser.parseIpv6("fe80::")).isEqualTo(new Ipv6Address(0xfe80L << 48, 0));
    assertThat(IpLiteralParser.parseIpv6("1:2:3:4:5:6:7::"))
        .isEqualTo(new Ipv6Address(0x0001_0002_0003_0004L, 0x0005_0006_0007_0000L));
    assertThat(IpLiteralParser.parseIpv6("::2:3:4:5:6:7:8"))
        .isEqualTo(new Ipv6Address(0x0000_0002_0003_0004L, 0x0005_0006_0007_0008L));
    assertThat(IpLiteralParser.parseIpv6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))
        .isEqualTo(new Ipv6Address(-1L, -1L));
  }

  @Test
  void recognisesIpv4MappedAddressesInDottedAndHexForm() {
    Ipv6Address dotted = IpLiteralParser.parseIpv6("::ffff:8.8.8.8");
    Ipv6Address hex = IpLiteralParser.parseIpv6("::FFFF:808:808");

    assertThat(dotted).isEqualTo(hex);
    assertThat(dotted.isIpv4Mapped()).isTrue();
    assertThat(dotted.embeddedIpv4()).isEqualTo(IpLiteralParser.parseIpv4("8.8.8.8"));
    assertThat(IpLiteralParser.parseIpv6("::8.8.8.8").isIpv4Mapped()).isFalse();
    assertThat(IpLiteralParser.parseIpv6("::fffe:8.8.8.8").isIpv4Mapped()).isFalse();
    assertThat(IpLiteralParser.parseIpv6("1::ffff:8.8.8.8").isIpv4Mapped()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":",
        ":::",
        "::gg",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8",
        "1::2::3",
        "1:::2",
        ":1::2",
        "1::2:",
        "1:2:3:4:5:6:7:8:",
        "12345::",
        "2001:db8::1%eth0",
        "[2001:db8::1]",
        "2001:db8::1/64",
        " 2001:db8::1",
        "2001:db8::1 ",
        "::ffff:1.2.3",
        "::ffff:1.2.3.256",
        "::ffff:01.2.3.4",
        "::1.2.3.4:5",
        "1:2:3:4:5:6:7:1.2.3.4",
        "1:2:3:4:5:6::1.2.3.4",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255:",
        "0000:0000:0000:0000:0000:0000:0000:0000:0000:0000"
      })
  void rejectsWhatIsNotAnIpv6Literal(String text) {
    assertThat(IpLiteralParser.parseIpv6(text)).isNull();
  }

  @Test
  void agreesWithTheJdkFormatterOnRandomAddresses() throws UnknownHostException {
    Random random = new Random(20260617);
    for (int i = 0; i < 10_000; i++) {
      long high = random.nextLong();
      // Runs of zero groups, so that the JDK's output and our compression both get exercised.
      long low = random.nextBoolean() ? random.nextLong() : random.nextLong() & 0xFFFFL;
      byte[] bytes = ByteBuffer.allocate(16).putLong(high).putLong(low).array();
      // getByAddress with bytes only formats; it never resolves a name.
      String full = InetAddress.getByAddress(bytes).getHostAddress();

      assertThat(IpLiteralParser.parseIpv6(full)).isEqualTo(new Ipv6Address(high, low));
      assertThat(IpLiteralParser.parseIpv6(compressed(full))).isEqualTo(new Ipv6Address(high, low));
    }
  }

  @Test
  void agreesWithTheJdkFormatterOnRandomIpv4Addresses() throws UnknownHostException {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      int address = random.nextInt();
      byte[] bytes = ByteBuffer.allocate(4).putInt(address).array();
      String literal = InetAddress.getByAddress(bytes).getHostAddress();

      assertThat(IpLiteralParser.parseIpv4(literal)).isEqualTo(Integer.toUnsignedLong(address));
    }
  }

  @Test
  void acceptsFromRandomTextOnlyWhatFormatsBackToTheSameAddress() throws UnknownHostException {
    Random random = new Random(42);
    String alphabet = "0123456789abcdefABCDEFgx:.%/[] -";
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder builder = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = builder.toString();

      long ipv4 = IpLiteralParser.parseIpv4(text);
      if (ipv4 != IpLiteralParser.NOT_IPV4) {
        byte[] bytes = ByteBuffer.allocate(4).putInt((int) ipv4).array();
        assertThat(InetAddress.getByAddress(bytes).getHostAddress()).isEqualTo(text);
        accepted++;
      }
      Ipv6Address ipv6 = IpLiteralParser.parseIpv6(text);
      if (ipv6 != null) {
        byte[] bytes = ByteBuffer.allocate(16).putLong(ipv6.high()).putLong(ipv6.low()).array();
        String formatted = InetAddress.getByAddress(bytes).getHostAddress();
        assertThat(IpLiteralParser.parseIpv6(formatted)).as(text).isEqualTo(ipv6);
        accepted++;
      }
    }
    assertThat(accepted).as("random text that happened to be an address").isPositive();
  }

  // Replaces the longest run of ":0:" groups with "::", as RFC 5952 writers do.
  private static String compressed(String full) {
    String[] groups = full.split(":");
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(j, i + 1);
    }
    if (bestLength < 2) {
      return full;
    }
    String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
    String tail =
        String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    return head + "::" + tail;
  }
}
