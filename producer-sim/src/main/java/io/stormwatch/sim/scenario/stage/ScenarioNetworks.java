package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.world.City;
import io.stormwatch.sim.world.Ipv4Prefix;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.NetworkKind;
import java.util.List;

/**
 * Real networks the scenarios need beyond the simulator's catalogue. As for the catalogue, every
 * prefix lies inside one {@code asn-ipv4.csv} row with the entry's ASN and one {@code
 * asn-country-ipv4.csv} row with the entry's country of the bundled DB-IP/RouteViews release
 * 2.3.2026061719, so the detector's enrichment agrees with what the scenario claims.
 */
public final class ScenarioNetworks {

  /**
   * Zscaler Internet Access egress in London: the corporate VPN of the VPN tenant. A "cloud" ASN
   * that hosting-based heuristics flag, used every day by most of the tenant.
   */
  public static final Network ZSCALER_LONDON =
      network(62044, "Zscaler Switzerland GmbH", "GB", "213.152.228.0/24", "89.167.131.0/24");

  /**
   * Microsoft's Azure West Europe address space (Amsterdam): where Outlook for iOS and Android's
   * cloud service, "a stateless protocol translator built and run in Azure", reads European
   * mailboxes from.
   */
  public static final Network MICROSOFT_WEST_EUROPE =
      new Network(
          8075,
          "Microsoft Corporation",
          "NL",
          NetworkKind.MICROSOFT,
          List.of(Ipv4Prefix.parse("145.69.64.0/20")));

  /** Amazon Web Services in London: where the VPN tenant's line-of-business integration runs. */
  public static final Network AWS_LONDON =
      network(16509, "Amazon.com, Inc.", "GB", "145.36.64.0/18");

  public static final City LONDON = new City("London", "England", 51.5072, -0.1276);

  public static final City AMSTERDAM = new City("Amsterdam", "North Holland", 52.3676, 4.9041);

  /** Every network above. */
  public static List<Network> all() {
    return List.of(ZSCALER_LONDON, MICROSOFT_WEST_EUROPE, AWS_LONDON);
  }

  private ScenarioNetworks() {}

  private static Network network(long asn, String organisation, String country, String... cidrs) {
    return new Network(
        asn,
        organisation,
        country,
        NetworkKind.HOSTING,
        List.of(cidrs).stream().map(Ipv4Prefix::parse).toList());
  }
}
