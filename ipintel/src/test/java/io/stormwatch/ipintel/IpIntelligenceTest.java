package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lookup rules, on small in-memory tables as other modules' tests build them. */
class IpIntelligenceTest {

  private static final Network EXAMPLE = new Network(64500, "Example Networks", "NL");
  private static final Network EXAMPLE_SUBNET = new Network(64501, "Example Subnet", "BE");
  private static final Network EXAMPLE_V6 = new Network(64502, "Example Six", null);
  private static final Network COUNTRY_ONLY = new Network(0, null, "JP");

  private final IpIntelligence intelligence =
      IpIntelligence.of(
          Map.of(
              "192.0.2.0/24", EXAMPLE,
              "192.0.2.128/25", EXAMPLE_SUBNET,
              "198.51.100.7", COUNTRY_ONLY,
              "2001:db8::/32", EXAMPLE_V6,
              "0.0.0.0/0", new Network(0, null, "AQ")));

  @Test
  void findsTheNetworkOfAnIpv4Address() {
    assertThat(intelligence.lookup("192.0.2.1")).contains(EXAMPLE);
  }

  @Test
  void findsTheAutonomousSystemOfAnIpv6Address() {
    assertThat(intelligence.lookup("2001:db8::1")).contains(EXAMPLE_V6);
    assertThat(intelligence.lookup("2001:DB8:0:0:0:0:0:1")).contains(EXAMPLE_V6);
  }

  @Test
  void letsTheMoreSpecificBlockWin() {
    assertThat(intelligence.lookup("192.0.2.127")).contains(EXAMPLE);
    assertThat(intelligence.lookup("192.0.2.128")).contains(EXAMPLE_SUBNET);
    assertThat(intelligence.lookup("192.0.2.255")).contains(EXAMPLE_SUBNET);
    assertThat(intelligence.lookup("192.0.3.0")).get().extracting(Network::country).isEqualTo("AQ");
    assertThat(intelligence.lookup("192.0.1.255"))
        .get()
        .extracting(Network::country)
        .isEqualTo("AQ");
  }

  @Test
  void findsASingleAddressBlockOnlyAtThatAddress() {
    assertThat(intelligence.lookup("198.51.100.7")).contains(COUNTRY_ONLY);
    assertThat(intelligence.lookup("198.51.100.6")).map(Network::country).contains("AQ");
    assertThat(intelligence.lookup("198.51.100.8")).map(Network::country).contains("AQ");
  }

  @Test
  void looksUpIpv4MappedIpv6AsIpv4() {
    assertThat(intelligence.lookup("::ffff:192.0.2.200")).contains(EXAMPLE_SUBNET);
    assertThat(intelligence.lookup("::ffff:c000:0201")).contains(EXAMPLE);
  }

  @Test
  void coversTheWholeSpaceIncludingItsEnds() {
    assertThat(intelligence.lookup("0.0.0.0")).isPresent();
    assertThat(intelligence.lookup("255.255.255.255")).isPresent();
  }

  @Test
  void findsNothingOutsideTheBlocks() {
    assertThat(intelligence.lookup("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff")).isEmpty();
    assertThat(intelligence.lookup("2001:db9::")).isEmpty();
    assertThat(intelligence.lookup("::")).isEmpty();
    assertThat(intelligence.lookup("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "example.com",
        "192.0.2",
        "192.0.2.1.",
        "192.0.2.1:443",
        "[2001:db8::1]",
        "2001:db8::1%eth0",
        "::gg",
        "192.0.2.256",
        " 192.0.2.1"
      })
  void findsNothingForWhatIsNotAnAddressLiteral(String text) {
    assertThat(intelligence.lookup(text)).isEmpty();
  }

  @Test
  void findsNothingForNull() {
    assertThat(intelligence.lookup(null)).isEmpty();
  }

  @Test
  void findsNothingInAnEmptyInstance() {
    IpIntelligence empty = IpIntelligence.of(Map.of());

    assertThat(empty.lookup("192.0.2.1")).isEmpty();
    assertThat(empty.lookup("2001:db8::1")).isEmpty();
  }

  @Test
  void reportsThatItWasBuiltInMemory() {
    assertThat(intelligence.dataVersion()).isEqualTo("in-memory");
    assertThat(intelligence.toString()).contains("in-memory", "networks=5");
  }

  @Test
  void rejectsBlocksWithHostBitsSet() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IpIntelligence.of(Map.of("192.0.2.1/24", EXAMPLE)))
        .withMessageContaining("192.0.2.1/24");
  }

  @Test
  void rejectsKeysThatAreNotBlocks() {
    for (String key :
        new String[] {
          "example.com",
          "192.0.2.0/33",
          "2001:db8::/129",
          "192.0.2.0/",
          "/24",
          "192.0.2.0/-1",
          "192.0.2.0/٢٤"
        }) {
      assertThatIllegalArgumentException()
          .as(key)
          .isThrownBy(() -> IpIntelligence.of(Map.of(key, EXAMPLE)));
    }
  }

  @Test
  void rejectsIpv4MappedBlocksBecauseTheyWouldNeverMatch() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IpIntelligence.of(Map.of("::ffff:192.0.2.0/120", EXAMPLE)))
        .withMessageContaining("IPv4");
  }

  @Test
  void rejectsTwoSpellingsOfTheSameBlock() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                IpIntelligence.of(
                    Map.of("2001:db8::/32", EXAMPLE, "2001:DB8:0::/32", EXAMPLE_SUBNET)))
        .withMessageContaining("same block");
  }

  @Test
  void rejectsNullKeysAndValues() {
    Map<String, Network> nullKey = new HashMap<>();
    nullKey.put(null, EXAMPLE);
    Map<String, Network> nullValue = new HashMap<>();
    nullValue.put("192.0.2.0/24", null);

    assertThatNullPointerException().isThrownBy(() -> IpIntelligence.of(nullKey));
    assertThatNullPointerException().isThrownBy(() -> IpIntelligence.of(nullValue));
  }
}
