package io.stormwatch.ipintel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the lookup tables from disjoint range lists, giving each distinct network one id. */
final class SegmentTableBuilder {

  private static final BigInteger IPV4_LAST = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
  private static final BigInteger IPV6_LAST =
      BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  // Numbering networks by ASN makes the network table compress to half the size of numbering them
  // by first appearance, and makes the output independent of input order.
  private static final Comparator<Network> ID_ORDER =
      Comparator.comparingLong(Network::asn)
          .thenComparing(Network::organisation, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Network::country, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final Network[] networks;
  private final Map<Network, Integer> idsByNetwork = new HashMap<>();

  /** Numbers the distinct networks among {@code networks}. */
  SegmentTableBuilder(Collection<Network> networks) {
    this.networks = networks.stream().distinct().sorted(ID_ORDER).toArray(Network[]::new);
    for (int id = 0; id < this.networks.length; id++) {
      idsByNetwork.put(this.networks[id], id);
    }
  }

  /**
   * Builds the IPv4 table.
   *
   * @param ranges sorted, non-overlapping ranges of networks given to the constructor
   * @throws IllegalArgumentException if ranges overlap, are unsorted or reach beyond
   *     255.255.255.255, or if a network is unknown
   */
  Ipv4Segments ipv4(List<AddressRange<Network>> ranges) {
    List<Segment> segments = segments(ranges, IPV4_LAST);
    int[] starts = new int[segments.size()];
    int[] ids = new int[segments.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = segments.get(i).start().intValue();
      ids[i] = segments.get(i).networkId();
    }
    return new Ipv4Segments(starts, ids);
  }

  /**
   * Builds the IPv6 table.
   *
   * @param ranges sorted, non-overlapping ranges of networks given to the constructor
   * @throws IllegalArgumentException if ranges overlap, are unsorted or reach beyond the IPv6
   *     space, or if a network is unknown
   */
  Ipv6Segments ipv6(List<AddressRange<Network>> ranges) {
    List<Segment> segments = segments(ranges, IPV6_LAST);
    long[] highs = new long[segments.size()];
    long[] lows = new long[segments.size()];
    int[] ids = new int[segments.size()];
    for (int i = 0; i < highs.length; i++) {
      BigInteger start = segments.get(i).start();
      highs[i] = start.shiftRight(64).longValue();
      lows[i] = start.longValue();
      ids[i] = segments.get(i).networkId();
    }
    return new Ipv6Segments(highs, lows, ids);
  }

  /** Returns the networks, indexed by the ids used in the tables built. */
  NetworkTable networks() {
    return new NetworkTable(networks.clone());
  }

  private List<Segment> segments(List<AddressRange<Network>> ranges, BigInteger lastAddress) {
    List<Segment> segments = new ArrayList<>();
    BigInteger next = BigInteger.ZERO;
    for (AddressRange<Network> range : ranges) {
      if (range.last().compareTo(lastAddress) > 0) {
        throw new IllegalArgumentException("range ends beyond the address space: " + range);
      }
      if (range.first().compareTo(next) < 0) {
        throw new IllegalArgumentException("range overlaps or precedes the one before: " + range);
      }
      if (!segments.isEmpty() && range.first().compareTo(next) > 0) {
        segments.add(new Segment(next, NetworkTable.NO_NETWORK));
      }
      segments.add(new Segment(range.first(), idOf(range.value())));
      next = range.last().add(BigInteger.ONE);
    }
    if (!segments.isEmpty() && next.compareTo(lastAddress) <= 0) {
      segments.add(new Segment(next, NetworkTable.NO_NETWORK));
    }
    return segments;
  }

  private int idOf(Network network) {
    Integer id = idsByNetwork.get(network);
    if (id == null) {
      throw new IllegalArgumentException("network not given to the constructor: " + network);
    }
    return id;
  }

  private record Segment(BigInteger start, int networkId) {}
}
