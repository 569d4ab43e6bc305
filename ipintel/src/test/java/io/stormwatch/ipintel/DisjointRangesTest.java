package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisjointRangesTest {

  @Test
  void keepsSortedDisjointRangesAsTheyAre() {
    List<AddressRange<String>> ranges = List.of(range(0, 9, "a"), range(20, 29, "b"));

    assertThat(DisjointRanges.flatten(ranges)).containsExactlyElementsOf(ranges);
  }

  @Test
  void sortsRangesGivenOutOfOrder() {
    assertThat(DisjointRanges.flatten(List.of(range(20, 29, "b"), range(0, 9, "a"))))
        .containsExactly(range(0, 9, "a"), range(20, 29, "b"));
  }

  @Test
  void mergesAdjacentRangesWithEqualValues() {
    assertThat(
            DisjointRanges.flatten(
                List.of(range(0, 9, "a"), range(10, 19, "a"), range(20, 29, "b"))))
        .containsExactly(range(0, 19, "a"), range(20, 29, "b"));
  }

  @Test
  void doesNotMergeRangesSeparatedByAGap() {
    assertThat(DisjointRanges.flatten(List.of(range(0, 9, "a"), range(11, 19, "a"))))
        .containsExactly(range(0, 9, "a"), range(11, 19, "a"));
  }

  @Test
  void letsANestedRangeWinOverTheRangeAroundIt() {
    List<AddressRange<String>> ranges =
        List.of(range(0, 100, "outer"), range(10, 20, "inner"), range(50, 60, "second inner"));

    assertThat(DisjointRanges.flatten(ranges))
        .containsExactly(
            range(0, 9, "outer"),
            range(10, 20, "inner"),
            range(21, 49, "outer"),
            range(50, 60, "second inner"),
            range(61, 100, "outer"));
  }

  @Test
  void letsTheNarrowerRangeWinWhenTwoStartTogether() {
    assertThat(DisjointRanges.flatten(List.of(range(0, 10, "narrow"), range(0, 100, "wide"))))
        .containsExactly(range(0, 10, "narrow"), range(11, 100, "wide"));
  }

  @Test
  void letsTheLaterRangeWinWherePartlyOverlappingRangesMeet() {
    // The shape of the one overlap in the real data (AS749 and AS721 around 215.0.0.0).
    assertThat(DisjointRanges.flatten(List.of(range(0, 10, "earlier"), range(5, 15, "later"))))
        .containsExactly(range(0, 4, "earlier"), range(5, 15, "later"));
  }

  @Test
  void resolvesNestingSeveralLevelsDeep() {
    List<AddressRange<String>> ranges =
        List.of(range(0, 100, "a"), range(10, 90, "b"), range(20, 30, "c"), range(25, 25, "d"));

    assertThat(DisjointRanges.flatten(ranges))
        .containsExactly(
            range(0, 9, "a"),
            range(10, 19, "b"),
            range(20, 24, "c"),
            range(25, 25, "d"),
            range(26, 30, "c"),
            range(31, 90, "b"),
            range(91, 100, "a"));
  }

  @Test
  void overlaysTwoListsGivingEachAddressBothValues() {
    List<AddressRange<String>> asns = List.of(range(0, 9, "AS1"), range(20, 39, "AS2"));
    List<AddressRange<String>> countries = List.of(range(5, 24, "NL"), range(30, 49, "BE"));

    List<AddressRange<String>> overlaid =
        DisjointRanges.overlay(asns, countries, (asn, country) -> asn + "/" + country);

    assertThat(overlaid)
        .containsExactly(
            range(0, 4, "AS1/null"),
            range(5, 9, "AS1/NL"),
            range(10, 19, "null/NL"),
            range(20, 24, "AS2/NL"),
            range(25, 29, "AS2/null"),
            range(30, 39, "AS2/BE"),
            range(40, 49, "null/BE"));
  }

  @Test
  void overlayMergesPiecesThatCombineToTheSameValue() {
    List<AddressRange<String>> asns = List.of(range(0, 99, "AS1"));
    List<AddressRange<String>> countries = List.of(range(0, 49, "NL"), range(50, 99, "BE"));

    assertThat(DisjointRanges.overlay(asns, countries, (asn, country) -> asn))
        .containsExactly(range(0, 99, "AS1"));
  }

  @Test
  void overlayOfAnEmptyListKeepsTheOther() {
    List<AddressRange<String>> countries = List.of(range(3, 7, "NL"));

    assertThat(DisjointRanges.overlay(List.<AddressRange<String>>of(), countries, (a, c) -> c))
        .containsExactly(range(3, 7, "NL"));
  }

  private static AddressRange<String> range(long first, long last, String value) {
    return new AddressRange<>(BigInteger.valueOf(first), BigInteger.valueOf(last), value);
  }
}
