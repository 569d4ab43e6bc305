package io.stormwatch.detector.rules.tokenreplay;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;

/** Everything seen of one token (or session) of one account within the rule's window. */
final class TokenObservation {

  static final int EVIDENCE_LIMIT = 16;

  final String tokenKey;
  long firstSeen;
  long lastSeen;
  long eventCount;
  final BoundedSortedSet<String> ips = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<Long> asns = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> asOrganisations = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> countries = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> appIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> sessionIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  EventSample sample = new EventSample();

  /** 0 until the token crosses the threshold, then the revision of its alert last emitted. */
  int revision;

  int reportedAsns;
  int reportedCountries;

  TokenObservation(String tokenKey, long firstSeen) {
    this.tokenKey = tokenKey;
    this.firstSeen = firstSeen;
    this.lastSeen = firstSeen;
  }
}
