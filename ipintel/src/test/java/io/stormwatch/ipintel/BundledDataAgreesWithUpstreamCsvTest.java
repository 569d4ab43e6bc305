package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Samples rows of the upstream CSVs and checks the bundled data answers the same, at both ends of
 * each sampled range. Runs only where the npm packages of the bundled version are extracted under
 * the directory named by the system property {@code ipintel.upstream.dir} (default {@code
 * /tmp/ipdb}), as {@code x-ip-location-db-<package>-<version>.tgz/package}; skipped elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundledDataAgreesWithUpstreamCsvTest {

  // Where the update script extracts the packages, or where they were extracted by hand.
  private static final Path UPSTREAM =
      Path.of(System.getProperty("ipintel.upstream.dir", "/tmp/ipdb"));
  private static final int SAMPLES_PER_FILE = 3_000;

  private final IpIntelligence bundled = IpIntelligence.loadBundled();

  @Test
  void agreesWithSampledIpv4Rows() throws IOException {
    checkSample("ipv4", 1);
  }

  @Test
  void agreesWithSampledIpv6Rows() throws IOException {
    checkSample("ipv6", 2);
  }

  private void checkSample(String family, long seed) throws IOException {
    String[] packages = bundled.dataVersion().split(" ");
    Path asnPackage = packageDirectory(packages[0]);
    Path countryPackage = packageDirectory(packages[1]);
    // The literal files feed lookups (exercising the parser); the numeric ones, row for row the
    // same ranges, are the oracle.
    List<List<String>> asnLiterals = csv(asnPackage.resolve("asn-" + family + ".csv"));
    List<List<String>> asnNumbers = csv(asnPackage.resolve("asn-" + family + "-num.csv"));
    List<List<String>> countryLiterals =
        csv(countryPackage.resolve("asn-country-" + family + ".csv"));
    List<List<String>> countryNumbers =
        csv(countryPackage.resolve("asn-country-" + family + "-num.csv"));
    RangeOracle asnOracle = new RangeOracle(asnNumbers);
    RangeOracle countryOracle = new RangeOracle(countryNumbers);
    Random random = new Random(seed);
    int checked = 0;

    for (int sample = 0; sample < SAMPLES_PER_FILE; sample++) {
      int row = random.nextInt(asnNumbers.size());
      for (int end = 0; end < 2; end++) {
        String literal = asnLiterals.get(row).get(end);
        BigInteger address = new BigInteger(asnNumbers.get(row).get(end));
        if (asnOracle.rowsCovering(address) == 1) {
          Network network = bundled.lookup(literal).orElseThrow();
          assertThat(network.asn())
              .as(literal)
              .isEqualTo(Long.parseLong(asnNumbers.get(row).get(2)));
          assertThat(network.organisation()).as(literal).isEqualTo(asnNumbers.get(row).get(3));
          assertThat(network.country()).as(literal).isEqualTo(countryOracle.valueAt(address, 2));
          checked++;
        }
      }
    }
    for (int sample = 0; sample < SAMPLES_PER_FILE; sample++) {
      int row = random.nextInt(countryNumbers.size());
      for (int end = 0; end < 2; end++) {
        String literal = countryLiterals.get(row).get(end);
        BigInteger address = new BigInteger(countryNumbers.get(row).get(end));
        Network network = bundled.lookup(literal).orElseThrow();
        assertThat(network.country()).as(literal).isEqualTo(countryNumbers.get(row).get(2));
        if (asnOracle.rowsCovering(address) == 0) {
          assertThat(network.hasAsn()).as(literal).isFalse();
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(SAMPLES_PER_FILE * 3);
  }

  /** Answers from the sorted numeric rows, independently of the code under test. */
  private static final class RangeOracle {
    private final List<List<String>> rows;
    private final BigInteger[] firsts;
    private final BigInteger[] lasts;

    RangeOracle(List<List<String>> rows) {
      this.rows = rows;
      this.firsts = rows.stream().map(r -> new BigInteger(r.get(0))).toArray(BigInteger[]::new);
      this.lasts = rows.stream().map(r -> new BigInteger(r.get(1))).toArray(BigInteger[]::new);
    }

    // Rows are sorted by first address, and at most neighbours overlap.
    int rowsCovering(BigInteger address) {
      int index = lastStartingAtOrBefore(address);
      int covering = 0;
      for (int i = Math.max(0, index - 1); i <= index; i++) {
        if (lasts[i].compareTo(address) >= 0) {
          covering++;
        }
      }
      return covering;
    }

    String valueAt(BigInteger address, int column) {
      int index = lastStartingAtOrBefore(address);
      return index >= 0 && lasts[index].compareTo(address) >= 0
          ? rows.get(index).get(column)
          : null;
    }

    private int lastStartingAtOrBefore(BigInteger address) {
      int low = 0;
      int high = firsts.length - 1;
      int found = -1;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        if (firsts[middle].compareTo(address) <= 0) {
          found = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return found;
    }
  }

  private static List<List<String>> csv(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.map(IpLocationDbCsv::splitLine).toList();
    }
  }

  // "@ip-location-db/asn@2.3.2026061719" ->
  // /tmp/ipdb/x-ip-location-db-asn-2.3.2026061719.tgz/package
  private static Path packageDirectory(String nameAtVersion) {
    Matcher matcher = Pattern.compile("@ip-location-db/(.+)@(.+)").matcher(nameAtVersion);
    assumeTrue(matcher.matches(), "bundled data names no ip-location-db package");
    Path directory =
        UPSTREAM.resolve(
            "x-ip-location-db-" + matcher.group(1) + "-" + matcher.group(2) + ".tgz/package");
    assumeTrue(Files.isDirectory(directory), "upstream CSVs not extracted at " + directory);
    return directory;
  }
}
