package io.stormwatch.detector.rules.mailclient;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Unusual client application on mailbox access (CISA AA23-193A, the signal that exposed
 * Storm-0558): a mail bind by a ClientAppId the account has not used before, after its learning
 * period, that few accounts of the tenant use, and that is not one of Microsoft's own mail clients.
 */
public final class UnusualMailClientRule implements AccountRule<MailClientState> {

  private final UnusualMailClientSettings settings;
  private final Set<String> allowed;

  public UnusualMailClientRule(UnusualMailClientSettings settings) {
    this.settings = settings;
    Set<String> apps = new HashSet<>(FirstPartyMailClients.load().keySet());
    apps.addAll(settings.extraAllowedApps());
    this.allowed = Set.copyOf(apps);
  }

  @Override
  public RuleDescriptor descriptor() {
    return UnusualMailClient.DESCRIPTOR;
  }

  @Override
  public MailClientState newState() {
    return new MailClientState();
  }

  @Override
  public boolean isEmpty(MailClientState state) {
    return state.firstSeen == MailClientState.NONE;
  }

  @Override
  public StateCodec<MailClientState> codec() {
    return MailClientState.CODEC;
  }

  @Override
  public List<Alert> evaluate(MailClientState state, AuditEvent event) {
    long time = event.getEventTime().toEpochMilli();
    state.firstSeen =
        state.firstSeen == MailClientState.NONE ? time : Math.min(state.firstSeen, time);
    String app = event.getClientAppId();
    boolean bind = "Bind".equalsIgnoreCase(event.getMailAccessType());
    if (event.getKind() != EventKind.MAIL_ITEMS_ACCESSED || !bind || app == null) {
      return List.of();
    }
    Long lastUse = state.lastUsed.get(app);
    state.lastUsed.put(app, lastUse == null ? time : Math.max(lastUse, time));
    state.keepAtMost(settings.maxAppsPerAccount());
    boolean learning = time - state.firstSeen < settings.learningPeriod().toMillis();
    boolean rare = event.getTenantAccountsUsingApp() <= settings.maxTenantAccounts();
    if (lastUse != null || allowed.contains(app) || learning || !rare) {
      return List.of();
    }
    return List.of(alert(event, state, app));
  }

  private Alert alert(AuditEvent event, MailClientState state, String app) {
    Instant at = event.getEventTime();
    long accountAgeDays = Duration.ofMillis(at.toEpochMilli() - state.firstSeen).toDays();
    List<String> others = new ArrayList<>(state.lastUsed.keySet());
    others.remove(app);
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(event.getClientIp() == null ? List.of() : List.of(event.getClientIp()))
            .setAsns(event.getAsn() == null ? List.of() : List.of(event.getAsn()))
            .setAsOrganisations(
                event.getAsOrganisation() == null ? List.of() : List.of(event.getAsOrganisation()))
            .setCountries(event.getCountry() == null ? List.of() : List.of(event.getCountry()))
            .setAppIds(List.of(app))
            .setTokenIds(
                event.getUniqueTokenId() == null ? List.of() : List.of(event.getUniqueTokenId()))
            .setSessionIds(event.getSessionId() == null ? List.of() : List.of(event.getSessionId()))
            .setEventCount(1)
            .setItemCount(event.getOperationCount())
            .setSampleEventIds(List.of(event.getEventId()))
            .build();
    String summary =
        String.format(
            Locale.ROOT,
            "%s read mail with client app %s, new for the account (seen for %d days, %d other clients)"
                + " and used by %d other account%s of the tenant",
            event.getAccountId(),
            app,
            accountAgeDays,
            others.size(),
            event.getTenantAccountsUsingApp(),
            event.getTenantAccountsUsingApp() == 1 ? "" : "s");
    return Alerts.revision(
        UnusualMailClient.DESCRIPTOR,
        AlertIds.of(
            UnusualMailClient.DESCRIPTOR.id(),
            event.getTenantId(),
            event.getAccountId(),
            "app:" + app),
        1,
        Severity.HIGH,
        event.getTenantAccountsUsingApp() == 0 ? 0.75 : 0.6,
        event.getTenantId(),
        event.getAccountId(),
        at,
        at,
        summary,
        evidence);
  }
}
