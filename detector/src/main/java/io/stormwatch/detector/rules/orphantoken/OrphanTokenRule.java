package io.stormwatch.detector.rules.orphantoken;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.Judgement;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.TenantRule;
import io.stormwatch.detector.rules.TenantView;
import io.stormwatch.detector.rules.TokenUse;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
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
public final class OrphanTokenRule implements TenantRule {

  /** Clock skew between Exchange and Entra ID: an issuance a little after the use still counts. */
  static final Duration ISSUANCE_SKEW = Duration.ofMinutes(5);

  /**
   * How long tokens may have been used without a sign-in arriving for an issued use still to be
   * settled as it arrives: a busy tenant signs someone in every minute or two.
   */
  static final Duration FRESH_FEED = Duration.ofMinutes(15);

  private final OrphanTokenSettings settings;
  private final long grace;
  private final long maxWait;
  private final long maxSignInSilence;

  public OrphanTokenRule(OrphanTokenSettings settings) {
    this.settings = settings;
    this.grace = settings.grace().toMillis();
    this.maxWait = settings.maxWait().toMillis();
    this.maxSignInSilence = settings.maxSignInSilence().toMillis();
  }

  @Override
  public RuleDescriptor descriptor() {
    return OrphanToken.DESCRIPTOR;
  }

  /** A sign-in silence this long makes the tokens issued in it unverifiable. */
  @Override
  public Optional<Duration> outageSilence() {
    return Optional.of(settings.maxSignInSilence());
  }

  /** A use is judged as late as the max wait after it, against issuances within the lookback. */
  @Override
  public Duration issuanceLookback() {
    return settings.lookback().plus(settings.maxWait());
  }

  /**
   * A token use whose issuance the tenant's sign-ins have already shown, while sign-ins are
   * arriving, is settled at once; any other is checked after the grace, so that a sign-in that
   * arrives late counts. Most uses present a token issued minutes before, and a check kept for each
   * would be a store write and a delete per record; the verdict on an issued use would be the same
   * later, as the issuance index keeps a sign-in for the lookback and the max wait. Once the feed
   * has been silent for {@link #FRESH_FEED} while tokens are used, every use is checked, issued or
   * not: the coverage-gap rule counts those uses when the silence turns out to be an outage.
   */
  @Override
  public void observe(AuditEvent event, TenantView tenant) {
    if (TokenUse.presentedBy(event)) {
      TokenUse use = TokenUse.of(event);
      if (tenant.signInSilence() > FRESH_FEED.toMillis() || !issued(use, tenant)) {
        tenant.checkLater(use, event.getEventTime().toEpochMilli() + grace);
      }
    }
  }

  /**
   * Judges the use once the tenant's sign-in feed has reached its time (a sign-in later than the
   * use has arrived), or at the latest the max wait after it; until then it comes due again, on a
   * grid of stream time, so that uses waiting for the same sign-ins come due together.
   */
  @Override
  public Judgement judge(TokenUse use, long streamTime, TenantView tenant) {
    long latestSignIn = tenant.latestSignIn();
    if (latestSignIn == TenantView.NONE
        || (latestSignIn < use.time() && streamTime < use.time() + maxWait)) {
      long step = Math.max(1, grace / 6);
      return Judgement.deferredUntil((Math.floorDiv(streamTime, step) + 1) * step);
    }
    if (issued(use, tenant) || issuanceMayBeMissing(use, streamTime, tenant)) {
      return Judgement.settled(Optional.empty());
    }
    return Judgement.settled(orphaned(use, tenant));
  }

  /** Whether the use's token or session was issued by a sign-in within the lookback. */
  private boolean issued(TokenUse use, TenantView tenant) {
    return tenant.issued(
        use, use.time() - settings.lookback().toMillis(), use.time() + ISSUANCE_SKEW.toMillis());
  }

  /**
   * Whether the use's token may have been issued while the sign-in feed failed, so that its missing
   * issuance proves nothing: the feed was silent shortly before the use at hours the tenant is
   * rarely silent at. Quiet hours the tenant keeps (nights, weekends) are no failure. While the
   * tenant's rhythm at those hours is not known yet, any long stretch of token use without a
   * sign-in counts as a failure.
   */
  private boolean issuanceMayBeMissing(TokenUse use, long streamTime, TenantView tenant) {
    long from = use.time() - maxSignInSilence;
    return switch (tenant.signInFeedHealth(from, use.time(), streamTime, maxSignInSilence)) {
      case FAILED -> true;
      case HEALTHY -> false;
      case UNKNOWN -> tenant.signInsSilentDuring(from, use.time());
    };
  }

  /**
   * Folds an unverified use into its account's incident and returns the alert revision it causes,
   * if any.
   */
  private Optional<Alert> orphaned(TokenUse use, TenantView tenant) {
    String key = incidentKey(use.tenantId(), use.accountId());
    byte[] stored = tenant.get(key);
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
    tenant.put(key, OrphanIncident.CODEC.encode(incident));
    return alert;
  }

  /** Where an account's open incident is kept in the tenant stage's store. */
  static String incidentKey(String tenant, String account) {
    return "orphan|" + tenant + "|" + account;
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
        OrphanToken.DESCRIPTOR,
        AlertIds.of(
            OrphanToken.DESCRIPTOR.id(),
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
