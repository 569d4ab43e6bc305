package io.stormwatch.sim.world;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A real autonomous system and some of its address blocks, with the organisation and country that
 * the bundled IP database (DB-IP / RouteViews) reports for those blocks.
 *
 * @param asn autonomous system number
 * @param organisation the AS organisation as the IP database names it
 * @param country ISO 3166 alpha-2 country the IP database gives for the blocks
 * @param kind what the simulation uses the network for
 * @param prefixes address blocks whose ASN and country rows both agree with this entry
 */
public record Network(
    long asn, String organisation, String country, NetworkKind kind, List<Ipv4Prefix> prefixes) {

  public Network {
    if (prefixes.isEmpty()) {
      throw new IllegalArgumentException("AS" + asn + " needs at least one prefix");
    }
    prefixes = List.copyOf(prefixes);
  }

  /** A random address of this network: a block chosen uniformly, then a host inside it. */
  public String randomAddress(SplittableRandom rng) {
    return prefixes.get(rng.nextInt(prefixes.size())).randomHost(rng);
  }

  public boolean contains(String dotted) {
    long address = Ipv4Prefix.parseAddress(dotted);
    return prefixes.stream().anyMatch(p -> p.contains(address));
  }
}
