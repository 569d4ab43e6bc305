package io.stormwatch.detector.rules.tokenreplay;

import io.stormwatch.detector.state.StateFixture;

/** A token-replay state with a known and a tainted network and a replayed token. */
public final class TokenReplayStateFixture {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z

  private TokenReplayStateFixture() {}

  public static StateFixture<TokenReplayState> fixture() {
    return new StateFixture<>(
        "token-replay", TokenReplayState.CODEC, TokenReplayStateFixture::value);
  }

  static TokenReplayState value() {
    TokenReplayState state = new TokenReplayState();
    state.latestEventTime = T + 600_000;
    state.sawNetwork(7922, T - 86_400_000, true, 16);
    state.sawNetwork(14061, T + 300_000, false, 16);
    state.networks.get(14061L).tainted = true;
    TokenObservation token = new TokenObservation("uti:AAAbbbCCC", T);
    token.lastSeen = T + 600_000;
    token.eventCount = 3;
    token.ips.add("73.22.10.5");
    token.ips.add("188.166.1.20");
    token.asns.add(7922L);
    token.asns.add(14061L);
    token.foreignAsns.add(14061L);
    token.asOrganisations.add("Comcast Cable Communications, LLC");
    token.asOrganisations.add("Zürich Netz AG");
    token.countries.add("US");
    token.countries.add("NL");
    token.appIds.add("00000002-0000-0ff1-ce00-000000000000");
    token.sessionIds.add("2f0a6b5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
    token.sample.add(T, "u0");
    token.sample.add(T + 300_000, "u1");
    token.sample.add(T + 600_000, "u2");
    token.seenIn("US", T);
    token.seenIn("NL", T + 300_000);
    token.seenIn("NL", T + 600_000);
    token.revision = 2;
    token.reportedAsns = 2;
    token.reportedCountries = 2;
    token.reportedImpossibleTravel = true;
    state.tokens.put(token.tokenKey, token);
    return state;
  }
}
