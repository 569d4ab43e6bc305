package io.stormwatch.ipintel;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;

/** Turns range lists that may overlap into sorted, non-overlapping ones. */
final class DisjointRanges {

  private static final Comparator<AddressRange<?>> WIDEST_FIRST =
      Comparator.<AddressRange<?>, BigInteger>comparing(AddressRange::first)
          .thenComparing(AddressRange::last, Comparator.reverseOrder());

  private DisjointRanges() {}

  /**
   * Resolves overlaps so that each address keeps the value of the innermost range containing it,
   * like a longest-prefix match; when two ranges only partly overlap, the one starting later wins
   * the shared addresses. Adjacent ranges with equal values are merged.
   *
   * @return sorted, non-overlapping, non-adjacent-equal ranges
   */
  static <V> List<AddressRange<V>> flatten(List<AddressRange<V>> ranges) {
    List<AddressRange<V>> sorted = new ArrayList<>(ranges);
    sorted.sort(WIDEST_FIRST);
    MergingList<V> out = new MergingList<>();
    // Ranges that contain the sweep position, innermost on top; addresses before 'next' are done.
    Deque<AddressRange<V>> open = new ArrayDeque<>();
    BigInteger next = BigInteger.ZERO;
    for (AddressRange<V> range : sorted) {
      while (!open.isEmpty() && open.peek().last().compareTo(range.first()) < 0) {
        next = emitRest(out, open.pop(), next);
      }
      if (!open.isEmpty() && next.compareTo(range.first()) < 0) {
        out.add(open.peek().withBounds(next, range.first().subtract(BigInteger.ONE)));
      }
      next = next.max(range.first());
      open.push(range);
    }
    while (!open.isEmpty()) {
      next = emitRest(out, open.pop(), next);
    }
    return out.ranges();
  }

  // Emits what is left of 'closing' and returns the first address not yet emitted.
  private static <V> BigInteger emitRest(
      MergingList<V> out, AddressRange<V> closing, BigInteger next) {
    if (next.compareTo(closing.last()) <= 0) {
      out.add(closing.withBounds(next, closing.last()));
      return closing.last().add(BigInteger.ONE);
    }
    return next;
  }

  /**
   * Lays two disjoint sorted range lists over each other; each address covered by either list gets
   * {@code combine(a, b)} with {@code null} for the side that does not cover it.
   *
   * @return sorted, non-overlapping, non-adjacent-equal ranges
   */
  static <A, B, C> List<AddressRange<C>> overlay(
      List<AddressRange<A>> left, List<AddressRange<B>> right, BiFunction<A, B, C> combine) {
    MergingList<C> out = new MergingList<>();
    int l = 0;
    int r = 0;
    BigInteger next = BigInteger.ZERO;
    while (l < left.size() || r < right.size()) {
      AddressRange<A> a = l < left.size() ? left.get(l) : null;
      AddressRange<B> b = r < right.size() ? right.get(r) : null;
      BigInteger start = earliest(startFrom(a, next), startFrom(b, next));
      boolean inA = covers(a, start);
      boolean inB = covers(b, start);
      BigInteger end = earliest(pieceEnd(a, inA), pieceEnd(b, inB));
      out.add(
          new AddressRange<>(
              start, end, combine.apply(inA ? a.value() : null, inB ? b.value() : null)));
      next = end.add(BigInteger.ONE);
      if (a != null && a.last().compareTo(end) <= 0) {
        l++;
      }
      if (b != null && b.last().compareTo(end) <= 0) {
        r++;
      }
    }
    return out.ranges();
  }

  private static BigInteger startFrom(AddressRange<?> range, BigInteger next) {
    return range == null ? null : range.first().max(next);
  }

  private static boolean covers(AddressRange<?> range, BigInteger address) {
    return range != null && range.first().compareTo(address) <= 0;
  }

  // Last address before the range's boundary that follows the piece: its end when the piece is
  // inside it, the address before its start when the piece precedes it.
  private static BigInteger pieceEnd(AddressRange<?> range, boolean inside) {
    if (range == null) {
      return null;
    }
    return inside ? range.last() : range.first().subtract(BigInteger.ONE);
  }

  private static BigInteger earliest(BigInteger x, BigInteger y) {
    if (x == null) {
      return y;
    }
    return y == null ? x : x.min(y);
  }

  /** Collects sorted ranges, merging each into its predecessor when adjacent with equal value. */
  private static final class MergingList<V> {
    private final List<AddressRange<V>> ranges = new ArrayList<>();

    void add(AddressRange<V> range) {
      int lastIndex = ranges.size() - 1;
      if (lastIndex >= 0) {
        AddressRange<V> previous = ranges.get(lastIndex);
        if (previous.value().equals(range.value())
            && previous.last().add(BigInteger.ONE).equals(range.first())) {
          ranges.set(lastIndex, previous.withBounds(previous.first(), range.last()));
          return;
        }
      }
      ranges.add(range);
    }

    List<AddressRange<V>> ranges() {
      return ranges;
    }
  }
}
