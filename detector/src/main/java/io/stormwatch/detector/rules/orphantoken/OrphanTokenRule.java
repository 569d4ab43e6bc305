package io.stormwatch.detector.rules.orphantoken;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.alert.RuleDescriptor;
import io.stormwatch.detector.config.OrphanTokenSettings;
import io.stormwatch.detector.tenant.IssuanceIndex;
import io.stormwatch.detector.tenant.TenantKeys;
import io.stormwatch.detector.tenant.TenantStateStore;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Forged or orphan token (ATT&amp;CK T1606, T1550.001): a token or session presented to a resource
 * (MailItemsAccessed, OWAAuth) that no sign-in of the tenant issued within the lookback — the
 * signature of Storm-0558's forged tokens, which never passed through Entra ID.
 *
 * <p>Uses are checked after a grace in the tenant's event time, and only once the tenant's sign-in
 * feed has reached the use's time, so a sign-in that arrives late cancels the alert. All unverified
 * uses of one account fold into one incident, revised when a new token, network or client appears
 * or the number of uses doubles.
 */
public final class OrphanTokenRule {

  public static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "orphan-token",
          "Mailbox accessed with a token no sign-in issued (possibly forged)",
          1,
          List.of("T1606", "T1550.001"));

  /** Clock skew between Exchange and Entra ID: an issuance a little after the use still counts. */
  static final Duration ISSUANCE_SKEW = Duration.ofMinutes(5);

  private final OrphanTokenSettings settings;

  public OrphanTokenRule(OrphanTokenSettings settings) {
    this.settings = settings;
  }

  public Duration grace() {
    return settings.grace();
  }

  /**
   * How long after a use it is judged at the latest, even if the tenant's sign-in feed has not
   * reached the use's time (a sparse feed may not have another sign-in until the next day).
   */
  public Duration maxWait() {
    return settings.maxWait();
  }

  /** A sign-in silence this long makes the tokens issued in it unverifiable. */
  public Duration maxSignInSilence() {
    return settings.maxSignInSilence();
  }

  /** Whether the event presents a token or session to a resource, so it must have been issued. */
  public static boolean presentsToken(AuditEvent event) {
    boolean resourceSide =
        event.getKind() == EventKind.MAIL_ITEMS_ACCESSED || event.getKind() == EventKind.OWA_AUTH;
    return resourceSide && (event.getUniqueTokenId() != null || event.getSessionId() != null);
  }

  /** Records the token and session a successful sign-in issued. */
  public static void recordIssuance(AuditEvent signIn, IssuanceIndex issuance) {
    if (signIn.getKind() != EventKind.SIGN_IN || Boolean.FALSE.equals(signIn.getSucceeded())) {
      return;
    }
    long time = signIn.getEventTime().toEpochMilli();
    if (signIn.getUniqueTokenId() != null) {
      issuance.record(
          TenantKeys.issuedToken(signIn.getTenantId(), signIn.getUniqueTokenId()), time);
    }
    if (signIn.getSessionId() != null) {
      issuance.record(TenantKeys.issuedSession(signIn.getTenantId(), signIn.getSessionId()), time);
    }
  }

  /** Whether the use's token or session was issued by a sign-in within the lookback. */
  public boolean issued(TokenUse use, IssuanceIndex issuance) {
    long from = use.time() - settings.lookback().toMillis();
    long to = use.time() + ISSUANCE_SKEW.toMillis();
    return (use.uniqueTokenId() != null
            && issuance.issuedBetween(
                TenantKeys.issuedToken(use.tenantId(), use.uniqueTokenId()), from, to))
        || (use.sessionId() != null
            && issuance.issuedBetween(
                TenantKeys.issuedSession(use.tenantId(), use.sessionId()), from, to));
  }

  /**
   * Folds an unverified use into its account's incident and returns the alert revision it causes,
   * if any.
   */
  public Optional<Alert> orphaned(TokenUse use, TenantStateStore store) {
    String key = TenantKeys.orphanIncident(use.tenantId(), use.accountId());
    byte[] stored = store.get(key);
    OrphanIncident incident = stored == null ? null : OrphanIncident.CODEC.decode(stored);
    if (incident == null || use.time() - incident.lastUse > settings.quietPeriod().toMillis()) {
      incident = new OrphanIncident();
      incident.openedAt = use.time();
      incident.firstUse = use.time();
      incident.lastUse = use.time();
    }
    boolean newToken =
        incident.tokenIds.add(use.uniqueTokenId()) | incident.sessionIds.add(use.sessionId());
    incident.firstUse = Math.min(incident.firstUse, use.time());
    incident.lastUse = Math.max(incident.lastUse, use.time());
    incident.uses++;
    incident.ips.add(use.clientIp());
    incident.asns.add(use.asn());
    incident.asOrganisations.add(use.asOrganisation());
    incident.countries.add(use.country());
    incident.appIds.add(use.clientAppId());
    incident.sample.add(use.time(), use.eventId());

    boolean widened =
        newToken
            || incident.asns.size() > incident.reportedNetworks
            || incident.appIds.size() > incident.reportedApps
            || incident.uses >= 2 * incident.reportedUses;
    Optional<Alert> alert = Optional.empty();
    if (incident.revision == 0 || widened) {
      incident.revision++;
      incident.reportedUses = incident.uses;
      incident.reportedNetworks = incident.asns.size();
      incident.reportedApps = incident.appIds.size();
      alert = Optional.of(alert(use, incident));
    }
    store.put(key, OrphanIncident.CODEC.encode(incident));
    return alert;
  }

  private Alert alert(TokenUse use, OrphanIncident incident) {
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(incident.ips.toList())
            .setAsns(incident.asns.toList())
            .setAsOrganisations(incident.asOrganisations.toList())
            .setCountries(incident.countries.toList())
            .setAppIds(incident.appIds.toList())
            .setTokenIds(incident.tokenIds.toList())
            .setSessionIds(incident.sessionIds.toList())
            .setEventCount(incident.uses)
            .setSampleEventIds(incident.sample.eventIds())
            .build();
    String networks =
        incident.asns.toList().stream()
            .map(a -> "AS" + a)
            .reduce((a, b) -> a + ", " + b)
            .orElse("unknown network");
    String summary =
        String.format(
            Locale.ROOT,
            "Mail of %s accessed %d time%s with a token no sign-in of the tenant issued, from %s%s",
            use.accountId(),
            incident.uses,
            incident.uses == 1 ? "" : "s",
            networks,
            incident.countries.size() > 0
                ? " (" + String.join(", ", incident.countries.toList()) + ")"
                : "");
    return Alerts.revision(
        DESCRIPTOR,
        AlertIds.of(
            DESCRIPTOR.id(),
            use.tenantId(),
            use.accountId(),
            "orphan@" + Instant.ofEpochMilli(incident.openedAt)),
        incident.revision,
        Severity.HIGH,
        0.8,
        use.tenantId(),
        use.accountId(),
        Instant.ofEpochMilli(incident.firstUse),
        Instant.ofEpochMilli(incident.lastUse),
        summary,
        evidence);
  }
}
