package io.stormwatch.formats.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10.11.12.13|10.11.12.13",
        "10.11.12.13:12345|10.11.12.13",
        "[10.11.12.13]|10.11.12.13",
        "[10.11.12.13]:12345|10.11.12.13",
        "' 192.0.2.1 '|192.0.2.1",
        "0.0.0.0|0.0.0.0",
        "255.255.255.255|255.255.255.255"
      })
  void writesIpv4WithoutPortOrBrackets(String raw, String expected) {
    assertThat(IpAddresses.normalise(raw)).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "::ffff:10.11.12.13|10.11.12.13",
        "[::ffff:10.11.12.13]:12345|10.11.12.13",
        "::FFFF:0a0b:0c0d|10.11.12.13",
        "0:0:0:0:0:ffff:10.11.12.13|10.11.12.13"
      })
  void writesIpv4MappedIpv6AsIpv4(String raw, String expected) {
    assertThat(IpAddresses.normalise(raw)).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2001:db8::abcd|2001:db8::abcd",
        "[2001:db8::abcd]:12345|2001:db8::abcd",
        "[2001:db8::abcd]|2001:db8::abcd",
        "2001:0DB8:0000:0000:0000:0000:0000:ABCD|2001:db8::abcd",
        "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1|2001:db8:0:1:1:1:1:1",
        "::1|::1",
        "::|::",
        "fe80::1%eth0|fe80::1",
        "1::|1::",
        "1:0:0:2:0:0:0:3|1:0:0:2::3",
        "::a0b:c0d|::a0b:c0d"
      })
  void writesIpv6InCanonicalCompressedLowerCase(String raw, String expected) {
    assertThat(IpAddresses.normalise(raw)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "[localhost]:12345",
        "localhost:12345",
        "[cool.client.local]:12345",
        "cool.client.local",
        "cool.client.local:12345",
        "NOTANIPV4 (10.9000.0.1)",
        "[CORRECTIPV4 (10.90.0.1)]",
        "[INCORRECTIPV4 (10.900.0.1)]",
        "10.900.0.1",
        "10.1.1",
        "10.1.1.1.1",
        "1.2.3.4:",
        "1.2.3.4:port",
        "[1.2.3.4]x",
        "2001:db8::abcd::1",
        "1:2:3:4:5:6:7:8:9",
        "12345::1",
        ":1::",
        "1:",
        "[2001:db8::1"
      })
  void refusesHostNamesAndJunk(String raw) {
    assertThat(IpAddresses.normalise(raw)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void refusesNothing(String raw) {
    assertThat(IpAddresses.normalise(raw)).isEmpty();
  }

  @Test
  void givesEverySpellingOfOneAddressTheSameForm() {
    assertThat(IpAddresses.normalise("[2001:DB8:0:0:0:0:0:ABCD]:443"))
        .isEqualTo(IpAddresses.normalise("2001:db8::abcd"));
  }
}
