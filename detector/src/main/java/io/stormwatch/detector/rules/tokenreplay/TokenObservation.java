package io.stormwatch.detector.rules.tokenreplay;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import java.util.Map;
import java.util.TreeMap;

/** Everything seen of one token (or session) of one account within the rule's window. */
final class TokenObservation {

  static final int EVIDENCE_LIMIT = 16;

  final String tokenKey;
  long firstSeen;
  long lastSeen;
  long eventCount;
  final BoundedSortedSet<String> ips = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<Long> asns = new BoundedSortedSet<>(EVIDENCE_LIMIT);

  /** ASNs that were neither the account's known networks nor the tenant's own when seen. */
  final BoundedSortedSet<Long> foreignAsns = new BoundedSortedSet<>(EVIDENCE_LIMIT);

  final BoundedSortedSet<String> asOrganisations = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> countries = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> appIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> sessionIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  EventSample sample = new EventSample();

  /** Per country, the first and last time the token was used there. */
  final Map<String, long[]> countrySpans = new TreeMap<>();

  /** 0 until the token crosses the threshold, then the revision of its alert last emitted. */
  int revision;

  int reportedAsns;
  int reportedCountries;
  boolean reportedImpossibleTravel;

  TokenObservation(String tokenKey, long firstSeen) {
    this.tokenKey = tokenKey;
    this.firstSeen = firstSeen;
    this.lastSeen = firstSeen;
  }

  void seenIn(String country, long time) {
    if (country == null
        || (!countrySpans.containsKey(country) && countrySpans.size() >= EVIDENCE_LIMIT)) {
      return;
    }
    long[] span = countrySpans.computeIfAbsent(country, c -> new long[] {time, time});
    span[0] = Math.min(span[0], time);
    span[1] = Math.max(span[1], time);
  }

  /** The shortest time between uses in two different countries, or -1 with one country. */
  long shortestHopBetweenCountries() {
    long shortest = -1;
    var spans = countrySpans.values().toArray(long[][]::new);
    for (int i = 0; i < spans.length; i++) {
      for (int j = i + 1; j < spans.length; j++) {
        long gap =
            Math.max(0, Math.max(spans[i][0], spans[j][0]) - Math.min(spans[i][1], spans[j][1]));
        shortest = shortest < 0 ? gap : Math.min(shortest, gap);
      }
    }
    return shortest;
  }
}
