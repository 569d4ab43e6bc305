package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Facts checked by hand in the CSVs of @ip-location-db/asn and asn-country 2.3.2026061719. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundledDataTest {

  private final IpIntelligence bundled = IpIntelligence.loadBundled();

  @Test
  void findsCloudflareFor1111() {
    // asn-ipv4.csv: 1.1.1.0,1.1.1.255,13335,"Cloudflare, Inc." ; country: 1.1.1.0-1.1.1.255 AU
    assertThat(bundled.lookup("1.1.1.1")).contains(new Network(13335, "Cloudflare, Inc.", "AU"));
  }

  @Test
  void findsGoogleInTheUsFor8888() {
    assertThat(bundled.lookup("8.8.8.8")).contains(new Network(15169, "Google LLC", "US"));
  }

  @Test
  void findsTheAutonomousSystemOfAnIpv6Address() {
    // 2001:470::,2001:470:8:ffff:ffff:ffff:ffff:ffff,6939,Hurricane Electric LLC
    assertThat(bundled.lookup("2001:470::1"))
        .contains(new Network(6939, "Hurricane Electric LLC", "US"));
  }

  @Test
  void looksUpIpv4MappedIpv6AsIpv4() {
    assertThat(bundled.lookup("::ffff:8.8.8.8")).isEqualTo(bundled.lookup("8.8.8.8"));
    assertThat(bundled.lookup("::ffff:0808:0808")).isEqualTo(bundled.lookup("8.8.8.8"));
  }

  @Test
  void findsTheFirstAndLastAddressOfARangeButNotTheOneAfter() {
    // 1.0.0.0,1.0.0.255,13335 then 1.0.4.0 in asn-ipv4.csv; country 1.0.1.0-1.0.3.255 is CN.
    assertThat(bundled.lookup("1.0.0.0")).map(Network::asn).contains(13335L);
    assertThat(bundled.lookup("1.0.0.255")).map(Network::asn).contains(13335L);
    assertThat(bundled.lookup("1.0.1.0")).contains(new Network(0, null, "CN"));
  }

  @Test
  void findsTheIpv6RangeBoundariesOfHurricaneElectric() {
    assertThat(bundled.lookup("2001:470::")).map(Network::asn).contains(6939L);
    assertThat(bundled.lookup("2001:470:8:ffff:ffff:ffff:ffff:ffff"))
        .map(Network::asn)
        .contains(6939L);
    // 2001:470:9::,2001:470:9:ffff:ffff:ffff:ffff:ffff,62537,Sauce Labs Inc
    assertThat(bundled.lookup("2001:470:9::"))
        .map(Network::organisation)
        .contains("Sauce Labs Inc");
  }

  @Test
  void keepsAnAsnThatHasNoCountry() {
    // 23.128.68.0,23.128.68.255,27439,MultiPlex Networks LLC ; no country row covers it
    assertThat(bundled.lookup("23.128.68.1"))
        .contains(new Network(27439, "MultiPlex Networks LLC", null));
  }

  @Test
  void keepsFourByteAsnsAndQuotedNames() {
    // 35309568,35313663,201907,"LLC ""SPUTNIK""" (2.26.200.0/21)
    assertThat(bundled.lookup("2.26.200.1")).map(Network::organisation).contains("LLC \"SPUTNIK\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "192.168.1.1", "127.0.0.1", "::1", "fe80::1", "fd00::1"})
  void findsNothingForPrivateAndSpecialAddresses(String address) {
    assertThat(bundled.lookup(address)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "10.900.0.1", "", "1.2.3", "::gg", "8.8.8.8 ", "dns.google"})
  void findsNothingForGarbage(String text) {
    assertThat(bundled.lookup(text)).isEmpty();
  }

  @Test
  void namesTheDataItWasBuiltFrom() {
    assertThat(bundled.dataVersion())
        .matches("@ip-location-db/asn@\\S+ @ip-location-db/asn-country@\\S+");
  }

  @Test
  void shipsTheAttributionNextToTheData() throws Exception {
    try (var notice = IpIntelligence.class.getResourceAsStream(IpLocationDbConverter.NOTICE_FILE)) {
      assertThat(notice).isNotNull();
      String text = new String(notice.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text).contains("DB-IP", "https://db-ip.com", "RouteViews", "NRO", "CC BY 4.0");
      assertThat(text).contains(bundled.dataVersion().split(" ")[0]);
    }
  }
}
