package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converts the small hand-written CSV fixture and checks the compact form answers like the CSV. */
class IpLocationDbConverterTest {

  private final Path asnPackage = fixture("asn");
  private final Path countryPackage = fixture("asn-country");

  @Test
  void answersForEveryFixtureRowWhatTheCsvSays() throws IOException {
    IpIntelligence converted = roundTrip(IpLocationDbConverter.convert(asnPackage, countryPackage));

    for (String family : List.of("ipv4", "ipv6")) {
      List<Row> asnRows = rows(asnPackage.resolve("asn-" + family + "-num.csv"));
      List<Row> countryRows = rows(countryPackage.resolve("asn-country-" + family + "-num.csv"));
      for (Row row : asnRows) {
        for (BigInteger address : List.of(row.first(), row.last())) {
          if (!coveredByAnother(asnRows, row, address)) {
            Network network = converted.lookup(literal(address, family)).orElseThrow();
            assertThat(network.asn()).as(literal(address, family)).isEqualTo(row.asn());
            assertThat(network.organisation()).isEqualTo(row.value());
          }
        }
      }
      for (Row row : countryRows) {
        for (BigInteger address : List.of(row.first(), row.last())) {
          assertThat(converted.lookup(literal(address, family)))
              .as(literal(address, family))
              .map(Network::country)
              .contains(row.value());
        }
      }
    }
  }

  @Test
  void combinesAsnAndCountryAndKeepsEitherWhenTheOtherIsMissing() throws IOException {
    IpIntelligence converted = roundTrip(IpLocationDbConverter.convert(asnPackage, countryPackage));

    assertThat(converted.lookup("1.0.0.0")).contains(new Network(13335, "Cloudflare, Inc.", "AU"));
    assertThat(converted.lookup("1.0.1.0")).contains(new Network(13335, "Cloudflare, Inc.", "CN"));
    assertThat(converted.lookup("1.0.2.0")).contains(new Network(0, null, "CN"));
    assertThat(converted.lookup("0.0.0.0")).contains(new Network(64496, "Example Zero", null));
    assertThat(converted.lookup("2a01::1")).contains(new Network(0, null, "DE"));
    assertThat(converted.lookup("2001:470:10::")).contains(new Network(0, null, "US"));
  }

  @Test
  void keepsQuotedAndNonAsciiOrganisationNamesIntact() throws IOException {
    IpIntelligence converted = roundTrip(IpLocationDbConverter.convert(asnPackage, countryPackage));

    assertThat(converted.lookup("2.26.200.1"))
        .map(Network::organisation)
        .contains("LLC \"SPUTNIK\"");
    assertThat(converted.lookup("38.226.206.0"))
        .map(Network::organisation)
        .contains("WILLIAN MENDES DE OLIVEIRA \u00ad ME");
  }

  @Test
  void givesOverlappingAddressesToTheLaterRange() throws IOException {
    IpIntelligence converted = roundTrip(IpLocationDbConverter.convert(asnPackage, countryPackage));

    assertThat(converted.lookup("214.255.255.255")).map(Network::asn).contains(749L);
    assertThat(converted.lookup("215.0.0.0")).map(Network::asn).contains(721L);
    assertThat(converted.lookup("215.0.255.255")).map(Network::asn).contains(721L);
  }

  @Test
  void findsNothingBetweenRangesAndAtTheEndsOfRanges() throws IOException {
    IpIntelligence converted = roundTrip(IpLocationDbConverter.convert(asnPackage, countryPackage));

    assertThat(converted.lookup("0.0.1.0")).isEmpty();
    assertThat(converted.lookup("1.0.8.0")).isEmpty();
    assertThat(converted.lookup("255.255.254.255")).isEmpty();
    assertThat(converted.lookup("255.255.255.255")).map(Network::asn).contains(64511L);
    assertThat(converted.lookup("2001:470::")).map(Network::asn).contains(6939L);
    assertThat(converted.lookup("2001:46f:ffff:ffff:ffff:ffff:ffff:ffff")).isEmpty();
    assertThat(converted.lookup("2001:500:30ff::30")).map(Network::asn).contains(396552L);
    assertThat(converted.lookup("2001:500:30ff::2f")).isEmpty();
    assertThat(converted.lookup("2001:500:30ff::31")).isEmpty();
  }

  @Test
  void cutsTheSpaceIntoSegmentsMergingAdjacentRowsWithTheSameValues() throws IOException {
    Ipv4Segments segments = IpLocationDbConverter.convert(asnPackage, countryPackage).ipv4();

    List<String> starts = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      starts.add(literal(BigInteger.valueOf(segments.startAt(i)), "ipv4"));
    }
    // The two Gtelecom rows 1.0.4.0-1.0.5.255 and 1.0.6.0-1.0.7.255, both AU, become one segment;
    // gaps are segments of their own.
    assertThat(starts)
        .containsExactly(
            "0.0.0.0",
            "0.0.1.0",
            "1.0.0.0",
            "1.0.1.0",
            "1.0.2.0",
            "1.0.4.0",
            "1.0.8.0",
            "2.26.200.0",
            "2.26.216.0",
            "38.226.206.0",
            "38.226.208.0",
            "214.95.0.0",
            "215.0.0.0",
            "215.1.4.0",
            "255.255.255.0");
  }

  @Test
  void writesTheDataAndANoticeNamingSourcesVersionsAndLicences(@TempDir Path output)
      throws IOException {
    IpLocationDbConverter.main(
        new String[] {asnPackage.toString(), countryPackage.toString(), output.toString()});

    IpIntelligence written;
    try (InputStream in = Files.newInputStream(output.resolve(IpIntelligence.BUNDLED_RESOURCE))) {
      written = CompactDatabaseFormat.read(in);
    }
    assertThat(written.dataVersion())
        .isEqualTo("@ip-location-db/asn@0.0.0-fixture @ip-location-db/asn-country@0.0.1-fixture");
    assertThat(written.lookup("1.0.0.1")).map(Network::asn).contains(13335L);
    String notice = Files.readString(output.resolve(IpLocationDbConverter.NOTICE_FILE));
    assertThat(notice)
        .contains(
            "@ip-location-db/asn@0.0.0-fixture",
            "@ip-location-db/asn-country@0.0.1-fixture",
            "DB-IP",
            "https://db-ip.com",
            "RouteViews",
            "NRO",
            "CC BY 4.0",
            "CC0-1.0",
            "binary range table",
            "Fixture stand-in for the DB-IP licence notice.");
    try (var files = Files.list(output)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder(
              IpIntelligence.BUNDLED_RESOURCE, IpLocationDbConverter.NOTICE_FILE);
    }
  }

  private static IpIntelligence roundTrip(IpIntelligence intelligence) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompactDatabaseFormat.write(intelligence, out);
    return CompactDatabaseFormat.read(new ByteArrayInputStream(out.toByteArray()));
  }

  private record Row(BigInteger first, BigInteger last, long asn, String value) {}

  // Rows as the CSV says, read independently of the code under test: ASN rows carry the
  // organisation as value, country rows the country.
  private static List<Row> rows(Path csv) throws IOException {
    return Files.readAllLines(csv).stream()
        .map(IpLocationDbCsv::splitLine)
        .map(
            fields ->
                fields.size() == 4
                    ? new Row(
                        big(fields.get(0)),
                        big(fields.get(1)),
                        Long.parseLong(fields.get(2)),
                        fields.get(3))
                    : new Row(big(fields.get(0)), big(fields.get(1)), 0, fields.get(2)))
        .toList();
  }

  private static boolean coveredByAnother(List<Row> rows, Row row, BigInteger address) {
    return rows.stream()
        .anyMatch(
            other ->
                other != row
                    && other.first().compareTo(address) <= 0
                    && other.last().compareTo(address) >= 0);
  }

  private static BigInteger big(String text) {
    return new BigInteger(text);
  }

  private static String literal(BigInteger address, String family) {
    int length = family.equals("ipv4") ? 4 : 16;
    byte[] bytes = address.toByteArray();
    byte[] fixed = new byte[length];
    int copy = Math.min(bytes.length, length);
    System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
    try {
      return InetAddress.getByAddress(fixed).getHostAddress();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path fixture(String name) {
    try {
      return Path.of(IpLocationDbConverterTest.class.getResource("fixture/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
