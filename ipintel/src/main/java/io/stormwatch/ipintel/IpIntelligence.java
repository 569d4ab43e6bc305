package io.stormwatch.ipintel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the autonomous system, its organisation and the country of IPv4 and IPv6 addresses.
 *
 * <p>Immutable and safe to share between threads. Loading the bundled data takes a few hundred
 * milliseconds and holds about 18 MB of heap, so load it once and share the instance.
 */
public final class IpIntelligence {

  static final String BUNDLED_RESOURCE = "ip-networks.bin.gz";
  static final String IN_MEMORY_DATA_VERSION = "in-memory";

  private final String dataVersion;
  private final NetworkTable networks;
  private final Ipv4Segments ipv4;
  private final Ipv6Segments ipv6;

  /**
   * Assembles an instance from its tables.
   *
   * @throws IllegalArgumentException if a segment refers to a network id not in {@code networks}
   */
  IpIntelligence(String dataVersion, NetworkTable networks, Ipv4Segments ipv4, Ipv6Segments ipv6) {
    for (int i = 0; i < ipv4.size(); i++) {
      requireValidId(networks, ipv4.networkIdAt(i), "IPv4", i);
    }
    for (int i = 0; i < ipv6.size(); i++) {
      requireValidId(networks, ipv6.networkIdAt(i), "IPv6", i);
    }
    this.dataVersion = Objects.requireNonNull(dataVersion, "dataVersion");
    this.networks = networks;
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
  }

  /**
   * Loads the data shipped with this library (DB-IP, RouteViews and NRO data, see the NOTICE file
   * next to it).
   *
   * @throws UncheckedIOException if the bundled data cannot be read or is corrupt
   * @throws IllegalStateException if the bundled data is missing from the classpath
   */
  public static IpIntelligence loadBundled() {
    try (InputStream in = IpIntelligence.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "bundled IP data missing from the classpath: " + BUNDLED_RESOURCE);
      }
      return CompactDatabaseFormat.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled IP data " + BUNDLED_RESOURCE, e);
    }
  }

  /**
   * Builds a small in-memory instance, typically for tests: each key is a CIDR block ({@code
   * "192.0.2.0/24"}, {@code "2001:db8::/32"}) or a single address, mapped to its network. Where
   * blocks overlap, the more specific one wins, as in routing.
   *
   * @throws IllegalArgumentException if a key is not an address or CIDR block, has bits set beyond
   *     its prefix, is written as IPv4-mapped IPv6, or denotes the same block as another key
   * @throws NullPointerException if the map, a key or a value is null
   */
  public static IpIntelligence of(Map<String, Network> networksByCidr) {
    List<AddressRange<Network>> ipv4Ranges = new ArrayList<>();
    List<AddressRange<Network>> ipv6Ranges = new ArrayList<>();
    Set<AddressBlock> blocks = new HashSet<>();
    networksByCidr.forEach(
        (cidr, network) -> {
          AddressBlock block = AddressBlock.parse(Objects.requireNonNull(cidr, "cidr"));
          // Which of two spellings of one block won would depend on the map's iteration order.
          if (!blocks.add(block)) {
            throw new IllegalArgumentException("another key denotes the same block as " + cidr);
          }
          AddressRange<Network> range = new AddressRange<>(block.first(), block.last(), network);
          (block.ipv6() ? ipv6Ranges : ipv4Ranges).add(range);
        });
    return fromRanges(IN_MEMORY_DATA_VERSION, ipv4Ranges, ipv6Ranges);
  }

  /**
   * Builds an instance from ranges that may overlap (see {@link DisjointRanges#flatten}).
   *
   * @throws IllegalArgumentException if a range reaches beyond its address family
   */
  static IpIntelligence fromRanges(
      String dataVersion,
      List<AddressRange<Network>> ipv4Ranges,
      List<AddressRange<Network>> ipv6Ranges) {
    List<AddressRange<Network>> disjointIpv4 = DisjointRanges.flatten(ipv4Ranges);
    List<AddressRange<Network>> disjointIpv6 = DisjointRanges.flatten(ipv6Ranges);
    SegmentTableBuilder builder =
        new SegmentTableBuilder(
            Stream.concat(disjointIpv4.stream(), disjointIpv6.stream())
                .map(AddressRange::value)
                .toList());
    return new IpIntelligence(
        dataVersion, builder.networks(), builder.ipv4(disjointIpv4), builder.ipv6(disjointIpv6));
  }

  /**
   * Looks up an IPv4 literal ({@code "192.0.2.1"}) or IPv6 literal ({@code "2001:db8::1"}, any
   * valid RFC 4291 form); IPv4-mapped IPv6 ({@code "::ffff:192.0.2.1"}) is looked up as IPv4.
   *
   * <p>Never resolves names and never throws: null, host names, zone ids, ports, brackets,
   * surrounding spaces and malformed literals all give empty, as do addresses nothing is known
   * about (private ranges, unannounced space).
   */
  public Optional<Network> lookup(String ipLiteral) {
    return networks.find(networkIdOf(ipLiteral));
  }

  /** Returns which source data this instance was built from, or {@code "in-memory"}. */
  public String dataVersion() {
    return dataVersion;
  }

  @Override
  public String toString() {
    return "IpIntelligence[data="
        + dataVersion
        + ", networks="
        + networks.size()
        + ", ipv4Segments="
        + ipv4.size()
        + ", ipv6Segments="
        + ipv6.size()
        + "]";
  }

  NetworkTable networks() {
    return networks;
  }

  Ipv4Segments ipv4() {
    return ipv4;
  }

  Ipv6Segments ipv6() {
    return ipv6;
  }

  private int networkIdOf(String literal) {
    if (literal == null) {
      return NetworkTable.NO_NETWORK;
    }
    if (literal.indexOf(':') < 0) {
      long address = IpLiteralParser.parseIpv4(literal);
      return address == IpLiteralParser.NOT_IPV4
          ? NetworkTable.NO_NETWORK
          : ipv4.networkIdOf(address);
    }
    Ipv6Address address = IpLiteralParser.parseIpv6(literal);
    if (address == null) {
      return NetworkTable.NO_NETWORK;
    }
    return address.isIpv4Mapped()
        ? ipv4.networkIdOf(address.embeddedIpv4())
        : ipv6.networkIdOf(address.high(), address.low());
  }

  private static void requireValidId(NetworkTable networks, int id, String family, int segment) {
    if (!networks.isValidId(id)) {
      throw new IllegalArgumentException(
          family + " segment " + segment + " refers to unknown network id " + id);
    }
  }
}
