package io.stormwatch.detector.rules.tokenreplay;

import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One account's recently used tokens, bounded in number and in age. */
public final class TokenReplayState {

  /** Sorted by token key, so that encoding and eviction ties are deterministic. */
  final Map<String, TokenObservation> tokens = new TreeMap<>();

  /** Latest event time seen for the account, epoch ms; the rule's clock. */
  long latestEventTime = Long.MIN_VALUE;

  /** The networks (ASNs) the account has been seen on, bounded, least recently seen forgotten. */
  final Map<Long, AccountNetwork> networks = new TreeMap<>();

  /**
   * Records a sighting of the account on {@code asn}; {@code confirmed} for an interactive sign-in.
   */
  void sawNetwork(long asn, long time, boolean confirmed, int max) {
    AccountNetwork network = networks.computeIfAbsent(asn, a -> new AccountNetwork(time));
    network.firstSeen = Math.min(network.firstSeen, time);
    network.lastSeen = Math.max(network.lastSeen, time);
    network.confirmed |= confirmed;
    while (networks.size() > max) {
      networks.entrySet().stream()
          .min(
              Map.Entry.<Long, AccountNetwork>comparingByValue(
                      java.util.Comparator.comparingLong(n -> n.lastSeen))
                  .thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey)
          .ifPresent(networks::remove);
    }
  }

  void forgetTokensLastSeenBefore(long cutoff) {
    tokens.values().removeIf(t -> t.lastSeen < cutoff);
  }

  void keepAtMost(int maxTokens) {
    while (tokens.size() > maxTokens) {
      Optional<TokenObservation> leastRecent =
          tokens.values().stream()
              .min(
                  Comparator.comparingLong((TokenObservation t) -> t.lastSeen)
                      .thenComparing(t -> t.tokenKey));
      leastRecent.ifPresent(t -> tokens.remove(t.tokenKey));
    }
  }

  static final StateCodec<TokenReplayState> CODEC =
      new BinaryStateCodec<>("token-replay", 1) {
        @Override
        protected void write(TokenReplayState state, BinaryStateWriter out) {
          out.writeLong(state.latestEventTime);
          out.writeInt(state.networks.size());
          state.networks.forEach(
              (asn, n) ->
                  out.writeLong(asn)
                      .writeLong(n.firstSeen)
                      .writeLong(n.lastSeen)
                      .writeBoolean(n.confirmed)
                      .writeBoolean(n.tainted));
          out.writeInt(state.tokens.size());
          for (TokenObservation t : state.tokens.values()) {
            out.writeString(t.tokenKey)
                .writeLong(t.firstSeen)
                .writeLong(t.lastSeen)
                .writeLong(t.eventCount)
                .writeStrings(t.ips.toList())
                .writeLongs(t.asns.toList())
                .writeLongs(t.foreignAsns.toList())
                .writeStrings(t.asOrganisations.toList())
                .writeStrings(t.countries.toList())
                .writeStrings(t.appIds.toList())
                .writeStrings(t.sessionIds.toList())
                .writeLongs(t.sample.times())
                .writeStrings(t.sample.eventIds())
                .writeInt(t.revision)
                .writeInt(t.reportedAsns)
                .writeInt(t.reportedCountries)
                .writeBoolean(t.reportedImpossibleTravel)
                .writeInt(t.countrySpans.size());
            t.countrySpans.forEach(
                (country, span) -> out.writeString(country).writeLong(span[0]).writeLong(span[1]));
          }
        }

        @Override
        protected TokenReplayState read(BinaryStateReader in, int version) {
          TokenReplayState state = new TokenReplayState();
          state.latestEventTime = in.readLong();
          int known = in.readInt();
          for (int i = 0; i < known; i++) {
            long asn = in.readLong();
            AccountNetwork network = new AccountNetwork(in.readLong());
            network.lastSeen = in.readLong();
            network.confirmed = in.readBoolean();
            network.tainted = in.readBoolean();
            state.networks.put(asn, network);
          }
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            TokenObservation t = new TokenObservation(in.readString(), in.readLong());
            t.lastSeen = in.readLong();
            t.eventCount = in.readLong();
            t.ips.addAll(in.readStrings());
            t.asns.addAll(in.readLongs());
            t.foreignAsns.addAll(in.readLongs());
            t.asOrganisations.addAll(in.readStrings());
            t.countries.addAll(in.readStrings());
            t.appIds.addAll(in.readStrings());
            t.sessionIds.addAll(in.readStrings());
            t.sample = EventSample.of(in.readLongs(), in.readStrings());
            t.revision = in.readInt();
            t.reportedAsns = in.readInt();
            t.reportedCountries = in.readInt();
            t.reportedImpossibleTravel = in.readBoolean();
            int countries = in.readInt();
            for (int c = 0; c < countries; c++) {
              t.countrySpans.put(in.readString(), new long[] {in.readLong(), in.readLong()});
            }
            state.tokens.put(t.tokenKey, t);
          }
          return state;
        }
      };
}
