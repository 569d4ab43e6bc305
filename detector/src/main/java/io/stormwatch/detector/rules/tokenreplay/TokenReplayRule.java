package io.stormwatch.detector.rules.tokenreplay;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Token replay (ATT&amp;CK T1550.001, T1528): one token — its unique token id (uti), else its
 * session id — used from more than one network within the window, at least one of them foreign.
 *
 * <p>A network is an autonomous system: a mobile user hopping between IPs of one carrier stays in
 * one network and does not fire; ASNs in the ignore list (Microsoft's own egress) are not counted.
 * A network is foreign unless it is the account's own — it signed in interactively there, or has
 * used it for longer than the establishment period (a day by default) without a replay alert — or
 * the tenant's: enough of its accounts sign in from it (an office, a corporate VPN). An attacker's
 * VPS is neither. Uses in two countries raise the severity; two countries closer in time than
 * anyone travels make it critical. The first crossing fires at once; a new network or country, or
 * newly impossible travel, revises the same alert.
 */
public final class TokenReplayRule implements AccountRule<TokenReplayState> {

  private final TokenReplaySettings settings;

  public TokenReplayRule(TokenReplaySettings settings) {
    this.settings = settings;
  }

  @Override
  public RuleDescriptor descriptor() {
    return TokenReplay.DESCRIPTOR;
  }

  @Override
  public TokenReplayState newState() {
    return new TokenReplayState();
  }

  @Override
  public boolean isEmpty(TokenReplayState state) {
    return state.tokens.isEmpty() && state.networks.isEmpty();
  }

  @Override
  public StateCodec<TokenReplayState> codec() {
    return TokenReplayState.CODEC;
  }

  @Override
  public List<Alert> evaluate(TokenReplayState state, AuditEvent event) {
    boolean succeeded = !Boolean.FALSE.equals(event.getSucceeded());
    Long eventAsn = event.getAsn();
    boolean countable = succeeded && eventAsn != null && !settings.ignoredAsns().contains(eventAsn);
    if (countable
        && event.getKind() == EventKind.SIGN_IN
        && Boolean.TRUE.equals(event.getInteractive())) {
      // The user signed in there in person: the network is theirs before any token is judged.
      state.sawNetwork(
          eventAsn, event.getEventTime().toEpochMilli(), true, settings.knownNetworksPerAccount());
    }
    List<Alert> alerts = judgeToken(state, event);
    if (countable) {
      state.sawNetwork(
          eventAsn, event.getEventTime().toEpochMilli(), false, settings.knownNetworksPerAccount());
    }
    return alerts;
  }

  private List<Alert> judgeToken(TokenReplayState state, AuditEvent event) {
    String tokenKey = tokenKey(event);
    if (tokenKey == null
        || event.getClientIp() == null
        || Boolean.FALSE.equals(event.getSucceeded())) {
      return List.of();
    }
    long time = event.getEventTime().toEpochMilli();
    long window = settings.window().toMillis();
    state.latestEventTime = Math.max(state.latestEventTime, time);
    long cutoff = state.latestEventTime - window;
    if (time < cutoff) {
      return List.of(); // older than anything the window still remembers
    }
    state.forgetTokensLastSeenBefore(cutoff);

    TokenObservation token =
        state.tokens.computeIfAbsent(tokenKey, key -> new TokenObservation(key, time));
    observe(state, token, event, time);
    state.keepAtMost(settings.maxTokensPerAccount());

    if (!state.tokens.containsKey(tokenKey) || !crossesThreshold(token)) {
      return List.of();
    }
    boolean impossibleTravel = impossibleTravel(token);
    boolean widened =
        token.asns.size() > token.reportedAsns
            || token.countries.size() > token.reportedCountries
            || (impossibleTravel && !token.reportedImpossibleTravel);
    if (token.revision > 0 && !widened) {
      return List.of();
    }
    token.revision++;
    token.reportedAsns = token.asns.size();
    token.reportedCountries = token.countries.size();
    token.reportedImpossibleTravel = impossibleTravel;
    for (Long asn : token.foreignAsns.toList()) {
      state.networks.computeIfAbsent(asn, a -> new AccountNetwork(time)).tainted = true;
    }
    return List.of(alert(event, token, impossibleTravel));
  }

  private boolean impossibleTravel(TokenObservation token) {
    long hop = token.shortestHopBetweenCountries();
    return hop >= 0 && hop < settings.minTravelBetweenCountries().toMillis();
  }

  /** Whether a network is neither the account's own nor the tenant's. */
  private boolean foreign(TokenReplayState state, AuditEvent event, long time) {
    AccountNetwork network = state.networks.get(event.getAsn());
    boolean own =
        network != null && network.isOwn(time, settings.networkEstablishedAfter().toMillis());
    return !own && event.getTenantAccountsSignedInFromAsn() < settings.tenantNetworkAccounts();
  }

  private void observe(
      TokenReplayState state, TokenObservation token, AuditEvent event, long time) {
    token.firstSeen = Math.min(token.firstSeen, time);
    token.lastSeen = Math.max(token.lastSeen, time);
    token.eventCount++;
    token.ips.add(event.getClientIp());
    Long asn = event.getAsn();
    if (asn != null && !settings.ignoredAsns().contains(asn)) {
      token.asns.add(asn);
      token.asOrganisations.add(event.getAsOrganisation());
      if (foreign(state, event, time)) {
        token.foreignAsns.add(asn);
      }
      token.countries.add(event.getCountry());
      token.seenIn(event.getCountry(), time);
    }
    token.appIds.add(event.getClientAppId());
    token.sessionIds.add(event.getSessionId());
    token.sample.add(time, event.getEventId());
  }

  private boolean crossesThreshold(TokenObservation token) {
    return token.ips.size() >= settings.minDistinctIps()
        && token.asns.size() >= settings.minDistinctAsns()
        && token.foreignAsns.size() > 0;
  }

  private Alert alert(AuditEvent event, TokenObservation token, boolean impossibleTravel) {
    boolean manyCountries = token.countries.size() > 1;
    Severity severity =
        impossibleTravel ? Severity.CRITICAL : manyCountries ? Severity.HIGH : Severity.MEDIUM;
    double confidence = impossibleTravel ? 0.9 : manyCountries ? 0.8 : 0.6;
    Instant first = Instant.ofEpochMilli(token.firstSeen);
    Instant last = Instant.ofEpochMilli(token.lastSeen);
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(token.ips.toList())
            .setAsns(token.asns.toList())
            .setAsOrganisations(token.asOrganisations.toList())
            .setCountries(token.countries.toList())
            .setAppIds(token.appIds.toList())
            .setTokenIds(
                token.tokenKey.startsWith(UTI)
                    ? List.of(token.tokenKey.substring(UTI.length()))
                    : List.of())
            .setSessionIds(token.sessionIds.toList())
            .setEventCount(token.eventCount)
            .setSampleEventIds(token.sample.eventIds())
            .build();
    String summary =
        String.format(
            Locale.ROOT,
            "%s of %s used from %d networks (%s)%s within %s%s",
            token.tokenKey.startsWith(UTI) ? "One token" : "One session",
            event.getAccountId(),
            token.asns.size(),
            token.asns.toList().stream().map(a -> "AS" + a).collect(Collectors.joining(", ")),
            token.countries.size() > 0 ? " in " + String.join(", ", token.countries.toList()) : "",
            Alerts.humanDuration(Duration.between(first, last)),
            impossibleTravel
                ? "; impossible travel: two countries "
                    + Alerts.humanDuration(Duration.ofMillis(token.shortestHopBetweenCountries()))
                    + " apart"
                : "");
    return Alerts.revision(
        TokenReplay.DESCRIPTOR,
        AlertIds.of(
            TokenReplay.DESCRIPTOR.id(), event.getTenantId(), event.getAccountId(), token.tokenKey),
        token.revision,
        severity,
        confidence,
        event.getTenantId(),
        event.getAccountId(),
        first,
        last,
        summary,
        evidence);
  }

  private static final String UTI = "uti:";
  private static final String SESSION = "session:";

  /** The token's identity: its uti when the record has one, else its session. */
  static String tokenKey(AuditEvent event) {
    if (event.getUniqueTokenId() != null) {
      return UTI + event.getUniqueTokenId();
    }
    if (event.getSessionId() != null) {
      return SESSION + event.getSessionId();
    }
    return null;
  }
}
