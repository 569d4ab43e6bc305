package io.stormwatch.sim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NetworkCatalogueTest {

  /**
   * Where the open IP database (npm @ip-location-db/asn and asn-country) is unpacked, if at all.
   */
  private static final Path ASN_CSV =
      Path.of("/tmp/ipdb/x-ip-location-db-asn-2.3.2026061719.tgz/package/asn-ipv4.csv");

  private static final Path COUNTRY_CSV =
      Path.of(
          "/tmp/ipdb/x-ip-location-db-asn-country-2.3.2026061719.tgz/package/asn-country-ipv4.csv");

  private final NetworkCatalogue catalogue = NetworkCatalogue.standard();

  @Test
  void everyCountryHasHomeBroadbandAndMobileCarriers() {
    for (Country country : Country.values()) {
      assertThat(catalogue.residential(country)).as("residential %s", country).isNotEmpty();
      assertThat(catalogue.mobile(country)).as("mobile %s", country).isNotEmpty();
    }
  }

  @Test
  void attackersCanRentServersInSeveralCountries() {
    Set<String> countries =
        catalogue.hosting().stream().map(Network::country).collect(Collectors.toSet());
    assertThat(countries).contains("US", "FR", "DE", "RO");
    assertThat(catalogue.hosting())
        .extracting(Network::asn)
        .contains(14061L, 16276L, 63949L, 20473L, 9009L, 24940L);
    assertThat(catalogue.microsoft().asn()).isEqualTo(8075);
  }

  @Test
  void networksDoNotOverlap() {
    List<Ipv4Prefix> prefixes =
        catalogue.all().stream().flatMap(n -> n.prefixes().stream()).toList();
    for (int i = 0; i < prefixes.size(); i++) {
      for (int j = i + 1; j < prefixes.size(); j++) {
        Ipv4Prefix a = prefixes.get(i);
        Ipv4Prefix b = prefixes.get(j);
        assertThat(a.base() <= b.last() && b.base() <= a.last())
            .as("%s overlaps %s", a, b)
            .isFalse();
      }
    }
  }

  @Test
  void randomAddressesStayInsideTheirNetwork() {
    SplittableRandom rng = new SplittableRandom(1);
    for (Network network : catalogue.all()) {
      for (int i = 0; i < 200; i++) {
        String address = network.randomAddress(rng);
        assertThat(catalogue.owning(address)).contains(network);
      }
    }
  }

  @Test
  void theExpectationsFileCoversEveryNetworkWithTheAsnAndCountryTheCatalogueClaims()
      throws IOException {
    List<String[]> rows = expectations();
    assertThat(rows).isNotEmpty();
    for (String[] row : rows) {
      Network network = catalogue.owning(row[0]).orElseThrow(() -> new AssertionError(row[0]));
      assertThat(network.asn()).as(row[0]).isEqualTo(Long.parseLong(row[1]));
      assertThat(network.country()).as(row[0]).isEqualTo(row[2]);
    }
    Set<Long> covered = rows.stream().map(r -> Long.parseLong(r[1])).collect(Collectors.toSet());
    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(catalogue.all().stream().map(Network::asn).toList());
  }

  @Test
  void everyPrefixLiesInsideOneRowOfTheBundledIpDatabaseWithTheClaimedAsnAndCountry()
      throws IOException {
    assumeTrue(
        Files.isReadable(ASN_CSV) && Files.isReadable(COUNTRY_CSV),
        "the open IP database is not unpacked under /tmp/ipdb");
    List<long[]> asnRows = ranges(ASN_CSV, 2);
    List<String> asnValues = values(ASN_CSV, 2);
    List<long[]> countryRows = ranges(COUNTRY_CSV, 2);
    List<String> countryValues = values(COUNTRY_CSV, 2);

    for (Network network : catalogue.all()) {
      for (Ipv4Prefix prefix : network.prefixes()) {
        int asnRow = covering(asnRows, prefix);
        int countryRow = covering(countryRows, prefix);
        assertThat(asnRow)
            .as("%s %s in one ASN row", network.organisation(), prefix)
            .isNotNegative();
        assertThat(countryRow)
            .as("%s %s in one country row", network.organisation(), prefix)
            .isNotNegative();
        assertThat(asnValues.get(asnRow))
            .as("ASN of %s", prefix)
            .isEqualTo(Long.toString(network.asn()));
        assertThat(countryValues.get(countryRow))
            .as("country of %s", prefix)
            .isEqualTo(network.country());
      }
    }
  }

  /** The row whose range contains the whole prefix, or -1. Rows are sorted and disjoint. */
  private static int covering(List<long[]> rows, Ipv4Prefix prefix) {
    int low = 0;
    int high = rows.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long[] row = rows.get(mid);
      if (row[1] < prefix.base()) {
        low = mid + 1;
      } else if (row[0] > prefix.base()) {
        high = mid - 1;
      } else {
        return row[1] >= prefix.last() ? mid : -1;
      }
    }
    return -1;
  }

  private static List<long[]> ranges(Path csv, int valueColumn) throws IOException {
    List<long[]> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (String line; (line = reader.readLine()) != null; ) {
        String[] cells = line.split(",", valueColumn + 1);
        rows.add(new long[] {Ipv4Prefix.parseAddress(cells[0]), Ipv4Prefix.parseAddress(cells[1])});
      }
    }
    return rows;
  }

  private static List<String> values(Path csv, int column) throws IOException {
    List<String> values = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (String line; (line = reader.readLine()) != null; ) {
        values.add(line.split(",", column + 2)[column]);
      }
    }
    return values;
  }

  private static List<String[]> expectations() throws IOException {
    try (InputStream in =
            NetworkCatalogueTest.class.getResourceAsStream("/network-catalogue-expectations.csv");
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
      return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
    }
  }
}
