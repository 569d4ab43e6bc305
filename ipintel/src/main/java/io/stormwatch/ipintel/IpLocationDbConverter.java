package io.stormwatch.ipintel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regenerates the bundled data from the extracted npm packages {@code @ip-location-db/asn} and
 * {@code @ip-location-db/asn-country}; run by {@code scripts/update-ipintel-data.sh}.
 */
public final class IpLocationDbConverter {

  static final String NOTICE_FILE = "ip-networks-NOTICE.txt";

  private static final List<String> UPSTREAM_NOTICES =
      List.of("MODIFICATIONS", "DBIP-LICENSE", "ROUTEVIEWS-LICENSE", "NRO_LICENSE");

  private IpLocationDbConverter() {}

  /**
   * Converts the packages.
   *
   * @param args directory of the extracted asn package, of the asn-country package, and the output
   *     directory
   * @throws IOException if a file cannot be read or written, or the input is malformed
   * @throws IllegalArgumentException if there are not three arguments
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: IpLocationDbConverter ASN_PACKAGE_DIR ASN_COUNTRY_PACKAGE_DIR OUTPUT_DIR");
    }
    Path asnPackage = Path.of(args[0]);
    Path countryPackage = Path.of(args[1]);
    Path outputDirectory = Path.of(args[2]);
    IpIntelligence database = convert(asnPackage, countryPackage);
    Path dataFile = outputDirectory.resolve(IpIntelligence.BUNDLED_RESOURCE);
    writeAtomically(dataFile, out -> CompactDatabaseFormat.write(database, out));
    writeAtomically(
        outputDirectory.resolve(NOTICE_FILE),
        out -> out.write(notice(asnPackage, countryPackage).getBytes(StandardCharsets.UTF_8)));
    System.out.println(database + " -> " + dataFile + " (" + Files.size(dataFile) + " bytes)");
  }

  /**
   * Reads both packages and overlays their ASN and country tables.
   *
   * @throws IOException if a file cannot be read or is malformed
   */
  static IpIntelligence convert(Path asnPackage, Path countryPackage) throws IOException {
    List<AddressRange<Network>> ipv4 =
        overlay(
            IpLocationDbCsv.readAsnRanges(asnPackage.resolve("asn-ipv4-num.csv")),
            IpLocationDbCsv.readCountryRanges(countryPackage.resolve("asn-country-ipv4-num.csv")));
    List<AddressRange<Network>> ipv6 =
        overlay(
            IpLocationDbCsv.readAsnRanges(asnPackage.resolve("asn-ipv6-num.csv")),
            IpLocationDbCsv.readCountryRanges(countryPackage.resolve("asn-country-ipv6-num.csv")));
    return IpIntelligence.fromRanges(dataVersion(asnPackage, countryPackage), ipv4, ipv6);
  }

  private static List<AddressRange<Network>> overlay(
      List<AddressRange<Network>> asnRanges, List<AddressRange<String>> countryRanges) {
    return DisjointRanges.overlay(
        DisjointRanges.flatten(asnRanges),
        DisjointRanges.flatten(countryRanges),
        (autonomousSystem, country) ->
            autonomousSystem == null
                ? new Network(Network.UNKNOWN_ASN, null, country)
                : new Network(autonomousSystem.asn(), autonomousSystem.organisation(), country));
  }

  private static String dataVersion(Path asnPackage, Path countryPackage) throws IOException {
    return packageField(asnPackage, "name")
        + "@"
        + packageField(asnPackage, "version")
        + " "
        + packageField(countryPackage, "name")
        + "@"
        + packageField(countryPackage, "version");
  }

  // package.json is flat and machine-written; a pattern avoids a JSON dependency for two fields.
  private static String packageField(Path packageDirectory, String field) throws IOException {
    Path packageJson = packageDirectory.resolve("package.json");
    String json = Files.readString(packageJson, StandardCharsets.UTF_8);
    Matcher matcher =
        Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!matcher.find()) {
      throw new IOException(packageJson + " has no \"" + field + "\"");
    }
    return matcher.group(1);
  }

  private static String notice(Path asnPackage, Path countryPackage) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(
        """
        Stormwatch ipintel: bundled IP network data
        ===========================================

        %s is derived from these npm packages by sapics
        (https://github.com/sapics/ip-location-db):

          %s@%s (package licence field: %s)
          %s@%s (package licence field: %s)

        which contain data from:

          * DB-IP, "IP to ASN Lite" database, https://db-ip.com
            Licence: CC BY 4.0. IP Geolocation by DB-IP.
          * RouteViews, University of Oregon, https://www.routeviews.org
            Licence: CC BY 4.0.
          * Number Resource Organization (NRO), delegated statistics of the five RIRs
            (AFRINIC, APNIC, ARIN, LACNIC, RIPE NCC), https://www.nro.net
            Licence: CC BY 4.0.

        CC BY 4.0: Creative Commons Attribution 4.0 International,
        https://creativecommons.org/licenses/by/4.0/
        CC0 1.0: https://creativecommons.org/publicdomain/zero/1.0/

        The asn-country package declares CC0-1.0 but ships the NRO notice below, so
        the country data is attributed to the NRO under CC BY 4.0 as well.

        Modifications by Stormwatch: the CSV range tables asn-ipv4-num.csv,
        asn-ipv6-num.csv, asn-country-ipv4-num.csv and asn-country-ipv6-num.csv were
        converted to a binary range table: ASN and country ranges laid over each
        other into one table per address family, overlapping ASN ranges resolved in
        favour of the range starting later (the more specific one when nested),
        adjacent ranges with identical values merged, organisation names
        deduplicated, the whole gzip-compressed. Values were not otherwise changed.
        The data comes with no warranty of accuracy.
        Regenerate with scripts/update-ipintel-data.sh.

        Upstream notices, verbatim:
        """
            .formatted(
                IpIntelligence.BUNDLED_RESOURCE,
                packageField(asnPackage, "name"),
                packageField(asnPackage, "version"),
                packageField(asnPackage, "license"),
                packageField(countryPackage, "name"),
                packageField(countryPackage, "version"),
                packageField(countryPackage, "license")));
    for (Path packageDirectory : List.of(asnPackage, countryPackage)) {
      for (String name : UPSTREAM_NOTICES) {
        Path file = packageDirectory.resolve(name);
        if (Files.isRegularFile(file)) {
          text.append("\n--- ")
              .append(packageField(packageDirectory, "name"))
              .append('/')
              .append(name)
              .append(" ---\n")
              .append(Files.readString(file, StandardCharsets.UTF_8).strip())
              .append('\n');
        }
      }
    }
    return text.toString();
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  // A failed run must not leave a half-written file where the build picks it up.
  private static void writeAtomically(Path target, Content content) throws IOException {
    // Not Files.createTempFile: its owner-only permissions would end up on the committed file.
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
