package io.stormwatch.detector.rules.tokenreplay;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.alert.RuleDescriptor;
import io.stormwatch.detector.config.TokenReplaySettings;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Token replay (ATT&amp;CK T1550.001, T1528): one token — its unique token id (uti), else its
 * session id — used from more than one network within the window.
 *
 * <p>A network is an autonomous system: a mobile user hopping between IPs of one carrier stays in
 * one network and does not fire; ASNs in the ignore list (Microsoft's own egress) are not counted.
 * Uses from two countries raise the severity. The first crossing fires at once; a new network or
 * country for the same token revises the same alert.
 */
public final class TokenReplayRule implements AccountRule<TokenReplayState> {

  public static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor("token-replay", 1, List.of("T1550.001", "T1528"));

  private final TokenReplaySettings settings;

  public TokenReplayRule(TokenReplaySettings settings) {
    this.settings = settings;
  }

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public TokenReplayState newState() {
    return new TokenReplayState();
  }

  @Override
  public boolean isEmpty(TokenReplayState state) {
    return state.tokens.isEmpty();
  }

  @Override
  public StateCodec<TokenReplayState> codec() {
    return TokenReplayState.CODEC;
  }

  @Override
  public List<Alert> evaluate(TokenReplayState state, AuditEvent event) {
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
    observe(token, event, time);
    state.keepAtMost(settings.maxTokensPerAccount());

    if (!state.tokens.containsKey(tokenKey) || !crossesThreshold(token)) {
      return List.of();
    }
    boolean widened =
        token.asns.size() > token.reportedAsns || token.countries.size() > token.reportedCountries;
    if (token.revision > 0 && !widened) {
      return List.of();
    }
    token.revision++;
    token.reportedAsns = token.asns.size();
    token.reportedCountries = token.countries.size();
    return List.of(alert(event, token));
  }

  private void observe(TokenObservation token, AuditEvent event, long time) {
    token.firstSeen = Math.min(token.firstSeen, time);
    token.lastSeen = Math.max(token.lastSeen, time);
    token.eventCount++;
    token.ips.add(event.getClientIp());
    Long asn = event.getAsn();
    if (asn != null && !settings.ignoredAsns().contains(asn)) {
      token.asns.add(asn);
      token.asOrganisations.add(event.getAsOrganisation());
    }
    token.countries.add(event.getCountry());
    token.appIds.add(event.getClientAppId());
    token.sessionIds.add(event.getSessionId());
    token.sample.add(time, event.getEventId());
  }

  private boolean crossesThreshold(TokenObservation token) {
    return token.ips.size() >= settings.minDistinctIps()
        && token.asns.size() >= settings.minDistinctAsns();
  }

  private Alert alert(AuditEvent event, TokenObservation token) {
    boolean manyCountries = token.countries.size() > 1;
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
            "%s of %s used from %d networks (%s)%s within %s",
            token.tokenKey.startsWith(UTI) ? "One token" : "One session",
            event.getAccountId(),
            token.asns.size(),
            token.asns.toList().stream().map(a -> "AS" + a).collect(Collectors.joining(", ")),
            token.countries.size() > 0 ? " in " + String.join(", ", token.countries.toList()) : "",
            Alerts.humanDuration(Duration.between(first, last)));
    return Alerts.revision(
        DESCRIPTOR,
        AlertIds.of(DESCRIPTOR.id(), event.getTenantId(), event.getAccountId(), token.tokenKey),
        token.revision,
        manyCountries ? Severity.HIGH : Severity.MEDIUM,
        manyCountries ? 0.8 : 0.6,
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
