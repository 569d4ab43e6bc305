package io.stormwatch.sim.world;

import static io.stormwatch.sim.world.NetworkKind.HOSTING;
import static io.stormwatch.sim.world.NetworkKind.MICROSOFT;
import static io.stormwatch.sim.world.NetworkKind.MOBILE;
import static io.stormwatch.sim.world.NetworkKind.RESIDENTIAL;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The real networks simulated traffic comes from.
 *
 * <p>Every prefix was picked from the open DB-IP/RouteViews database shipped as npm
 * {@code @ip-location-db/asn} and {@code @ip-location-db/asn-country} (release 2.3.2026061719): the
 * whole block lies inside one {@code asn-ipv4.csv} row with this entry's ASN and inside one {@code
 * asn-country-ipv4.csv} row with this entry's country, so an enricher using that database maps
 * every simulated address to the ASN and country the simulator claims. {@code NetworkCatalogueTest}
 * re-checks this whenever the database is present.
 */
public final class NetworkCatalogue {

  private static final NetworkCatalogue STANDARD =
      new NetworkCatalogue(
          List.of(
              // United States
              net(
                  7922,
                  "Comcast Cable Communications, LLC",
                  "US",
                  RESIDENTIAL,
                  "98.192.0.0/10",
                  "68.32.0.0/11",
                  "76.96.0.0/11"),
              net(
                  701,
                  "Verizon Business",
                  "US",
                  RESIDENTIAL,
                  "71.112.0.0/12",
                  "108.24.0.0/13",
                  "100.16.0.0/14"),
              net(
                  20115,
                  "Charter Communications",
                  "US",
                  RESIDENTIAL,
                  "174.80.0.0/13",
                  "24.180.0.0/14",
                  "71.80.0.0/14"),
              net(21928, "T-Mobile USA, Inc.", "US", MOBILE, "172.32.0.0/11", "162.160.0.0/11"),
              net(22394, "Verizon Business", "US", MOBILE, "70.192.0.0/11", "97.32.0.0/11"),
              net(20057, "AT&T Enterprises, LLC", "US", MOBILE, "166.200.0.0/14", "107.106.0.0/15"),
              // United Kingdom
              net(
                  2856,
                  "British Telecommunications PLC",
                  "GB",
                  RESIDENTIAL,
                  "86.128.0.0/10",
                  "81.128.0.0/11"),
              net(5089, "Virgin Media Limited", "GB", RESIDENTIAL, "86.0.0.0/11", "82.0.0.0/12"),
              net(5607, "Sky UK Limited", "GB", RESIDENTIAL, "90.192.0.0/11", "94.0.0.0/12"),
              net(
                  206067,
                  "Hutchison 3G UK Limited",
                  "GB",
                  MOBILE,
                  "188.28.0.0/14",
                  "94.196.0.0/15"),
              net(25135, "Vodafone Limited", "GB", MOBILE, "148.252.128.0/18", "88.82.0.0/19"),
              // Germany
              net(3320, "Deutsche Telekom AG", "DE", RESIDENTIAL, "79.192.0.0/10", "91.0.0.0/10"),
              net(3209, "Vodafone GmbH", "DE", RESIDENTIAL, "178.0.0.0/12", "88.64.0.0/12"),
              net(
                  6805,
                  "Telefonica Germany GmbH & Co.OHG",
                  "DE",
                  MOBILE,
                  "77.0.0.0/12",
                  "176.0.0.0/13"),
              // France
              net(3215, "Orange S.A.", "FR", RESIDENTIAL, "86.192.0.0/11", "90.0.0.0/11"),
              net(12322, "Free SAS", "FR", RESIDENTIAL, "82.224.0.0/11", "88.160.0.0/11"),
              net(5410, "Bouygues Telecom SA", "FR", MOBILE, "176.144.0.0/12", "89.80.0.0/12"),
              net(
                  15557,
                  "Societe Francaise Du Radiotelephone - SFR SA",
                  "FR",
                  MOBILE,
                  "109.0.0.0/11",
                  "93.0.0.0/11"),
              // Japan
              net(
                  4713,
                  "NTT Communications Corporation",
                  "JP",
                  RESIDENTIAL,
                  "153.128.0.0/10",
                  "180.0.0.0/10"),
              net(2516, "KDDI CORPORATION", "JP", RESIDENTIAL, "111.96.0.0/12", "27.80.0.0/12"),
              net(
                  9605,
                  "NTT DOCOMO, INC.",
                  "JP",
                  MOBILE,
                  "27.228.0.0/15",
                  "1.72.0.0/16",
                  "110.160.0.0/16"),
              net(17676, "SoftBank Corp.", "JP", MOBILE, "126.0.0.0/12", "126.64.0.0/11"),
              // Australia
              net(1221, "Telstra Limited", "AU", RESIDENTIAL, "58.160.0.0/12", "124.176.0.0/12"),
              net(
                  7545,
                  "TPG Internet Pty Ltd",
                  "AU",
                  RESIDENTIAL,
                  "115.128.0.0/14",
                  "14.200.0.0/14"),
              net(4804, "SingTel Optus Pty Ltd", "AU", MOBILE, "49.176.0.0/12", "1.40.0.0/14"),
              net(
                  133612,
                  "Vodafone Australia Pty Ltd",
                  "AU",
                  MOBILE,
                  "120.16.0.0/13",
                  "101.116.0.0/14"),
              // Hosting and VPS providers used by the simulated attackers
              net(
                  14061,
                  "DigitalOcean, LLC",
                  "US",
                  HOSTING,
                  "104.131.0.0/16",
                  "142.93.0.0/16",
                  "104.236.0.0/16"),
              net(
                  16276,
                  "OVH SAS",
                  "FR",
                  HOSTING,
                  "51.254.0.0/15",
                  "54.36.0.0/15",
                  "141.94.0.0/15"),
              net(
                  63949,
                  "Akamai Technologies, Inc.",
                  "US",
                  HOSTING,
                  "172.105.0.0/16",
                  "139.144.0.0/16"),
              net(
                  20473,
                  "The Constant Company, LLC",
                  "US",
                  HOSTING,
                  "45.76.0.0/15",
                  "45.32.0.0/16"),
              net(9009, "M247 Europe SRL", "RO", HOSTING, "146.70.128.0/18", "146.70.64.0/18"),
              net(
                  24940,
                  "Hetzner Online GmbH",
                  "DE",
                  HOSTING,
                  "116.202.0.0/15",
                  "78.46.0.0/15",
                  "49.12.0.0/15"),
              // Microsoft's own egress
              net(8075, "Microsoft Corporation", "US", MICROSOFT, "20.64.0.0/10", "13.64.0.0/11")));

  private final List<Network> networks;

  private NetworkCatalogue(List<Network> networks) {
    this.networks = List.copyOf(networks);
  }

  /** The catalogue the simulator uses. */
  public static NetworkCatalogue standard() {
    return STANDARD;
  }

  public List<Network> all() {
    return networks;
  }

  /** Home broadband providers of a country, in catalogue order. */
  public List<Network> residential(Country country) {
    return of(RESIDENTIAL, country);
  }

  /** Mobile carriers of a country, in catalogue order. */
  public List<Network> mobile(Country country) {
    return of(MOBILE, country);
  }

  /** Hosting and VPS providers. */
  public List<Network> hosting() {
    return networks.stream().filter(n -> n.kind() == HOSTING).toList();
  }

  public Network microsoft() {
    return networks.stream().filter(n -> n.kind() == MICROSOFT).findFirst().orElseThrow();
  }

  /** The network whose prefixes contain a dotted-quad address, if any. */
  public Optional<Network> owning(String dotted) {
    return networks.stream().filter(n -> n.contains(dotted)).findFirst();
  }

  private List<Network> of(NetworkKind kind, Country country) {
    return networks.stream()
        .filter(n -> n.kind() == kind && n.country().equals(country.name()))
        .toList();
  }

  private static Network net(
      long asn, String organisation, String country, NetworkKind kind, String... prefixes) {
    return new Network(
        asn, organisation, country, kind, Arrays.stream(prefixes).map(Ipv4Prefix::parse).toList());
  }
}
