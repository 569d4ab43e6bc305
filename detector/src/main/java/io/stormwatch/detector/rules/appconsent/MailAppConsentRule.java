package io.stormwatch.detector.rules.appconsent;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.Judgement;
import io.stormwatch.detector.rules.MailItems;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.TenantRule;
import io.stormwatch.detector.rules.TenantView;
import io.stormwatch.detector.rules.TokenUse;
import io.stormwatch.detector.rules.mailclient.FirstPartyMailClients;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OAuth consent to mail, then mail read by the consented application (consent phishing, CISA
 * AA23-193A; an application permission such as {@code full_access_as_app} granted by a compromised
 * administrator): a grant of a mail scope to an application new to the tenant's mail is reported at
 * once at low severity (medium when it reaches every user), and raised to high when that
 * application reads mail in the tenant (MailItemsAccessed with its ClientAppId, any account) within
 * the window after the grant.
 *
 * <p>The join crosses accounts — one user consents, the application reads with that user's token or
 * with its own in every mailbox — so it runs in the tenant stage, on each event as it arrives. The
 * applications with an open grant travel in the rule's tenant state; each one's incident is kept
 * apart and read only for that application's events.
 */
public final class MailAppConsentRule implements TenantRule {

  private static final String OFFLINE_ACCESS = "offline_access";

  private final MailAppConsentSettings settings;
  private final Set<String> allowed;
  private final long window;

  public MailAppConsentRule(MailAppConsentSettings settings) {
    this.settings = settings;
    Set<String> apps = new HashSet<>(FirstPartyMailClients.load().keySet());
    apps.addAll(settings.extraAllowedApps());
    this.allowed = Set.copyOf(apps);
    this.window = settings.window().toMillis();
  }

  @Override
  public RuleDescriptor descriptor() {
    return MailAppConsent.DESCRIPTOR;
  }

  /** Token uses are not this rule's to judge. */
  @Override
  public Judgement judge(TokenUse use, long streamTime, TenantView tenant) {
    return Judgement.passed();
  }

  @Override
  public List<Alert> judgeEvent(AuditEvent event, TenantView tenant) {
    if (event.getKind() == EventKind.APP_PERMISSION_GRANT) {
      return granted(event, tenant);
    }
    if (event.getKind() == EventKind.MAIL_ITEMS_ACCESSED
        && event.getClientAppId() != null
        && tenant.ruleState() != null) {
      return read(event, tenant);
    }
    return List.of();
  }

  private List<Alert> granted(AuditEvent event, TenantView tenant) {
    String app = event.getGrantee();
    if (app == null
        || allowed.contains(app)
        || event.getGrantPermissions().stream().noneMatch(this::isMailScope)
        || tenant.accountsReadingMailWith(app) > settings.maxTenantAccounts()) {
      return List.of();
    }
    long time = event.getEventTime().toEpochMilli();
    ConsentedApps apps = apps(tenant);
    forgetExpired(apps, time, event.getTenantId(), tenant);
    String key = incidentKey(event.getTenantId(), app);
    ConsentIncident incident = apps.lastGrant.containsKey(app) ? load(tenant, key) : null;
    if (incident == null) {
      incident = new ConsentIncident();
      incident.openedAt = time;
      incident.lastGrant = time;
      incident.grantor = event.getAccountId();
    }
    boolean newGrantor = incident.grantors.add(event.getAccountId());
    boolean newPermission = false;
    for (String permission : event.getGrantPermissions()) {
      newPermission |= incident.permissions.add(permission);
    }
    boolean widened = event.getGrantTenantWide() && !incident.tenantWide;
    incident.tenantWide |= event.getGrantTenantWide();
    incident.lastGrant = Math.max(incident.lastGrant, time);
    incident.grants++;
    addNetwork(incident, event);
    incident.sample.add(time, event.getEventId());
    apps.lastGrant.put(app, incident.lastGrant);
    apps.keepAtMost(settings.maxApps());
    tenant.ruleState(ConsentedApps.CODEC.encode(apps));
    return revise(incident, newGrantor || newPermission || widened, event, app, key, tenant);
  }

  private List<Alert> read(AuditEvent event, TenantView tenant) {
    String app = event.getClientAppId();
    ConsentedApps apps = ConsentedApps.CODEC.decode(tenant.ruleState());
    if (!apps.lastGrant.containsKey(app)) {
      return List.of();
    }
    long time = event.getEventTime().toEpochMilli();
    if (forgetExpired(apps, time, event.getTenantId(), tenant)) {
      tenant.ruleState(apps.lastGrant.isEmpty() ? null : ConsentedApps.CODEC.encode(apps));
      if (!apps.lastGrant.containsKey(app)) {
        return List.of();
      }
    }
    String key = incidentKey(event.getTenantId(), app);
    ConsentIncident incident = load(tenant, key);
    if (incident == null || time < incident.openedAt) {
      return List.of(); // read before any grant: mail the grant did not open
    }
    boolean firstRead = !incident.hasReads();
    incident.firstRead = firstRead ? time : Math.min(incident.firstRead, time);
    incident.lastRead = firstRead ? time : Math.max(incident.lastRead, time);
    incident.reads++;
    incident.items += MailItems.of(event);
    String mailbox =
        event.getMailboxOwner() != null ? event.getMailboxOwner() : event.getAccountId();
    boolean newMailbox = incident.mailboxes.add(mailbox);
    addNetwork(incident, event);
    incident.tokenIds.add(event.getUniqueTokenId());
    incident.sessionIds.add(event.getSessionId());
    incident.sample.add(time, event.getEventId());
    boolean doubled = incident.items >= 2 * Math.max(1, incident.reportedItems);
    return revise(incident, firstRead || newMailbox || doubled, event, app, key, tenant);
  }

  /** Stores the incident and returns its next revision if it opened or {@code changed}. */
  private List<Alert> revise(
      ConsentIncident incident,
      boolean changed,
      AuditEvent event,
      String app,
      String key,
      TenantView tenant) {
    List<Alert> alerts = List.of();
    if (incident.revision == 0 || changed) {
      incident.revision++;
      incident.reportedItems = incident.items;
      alerts = List.of(alert(incident, event.getTenantId(), app));
    }
    tenant.put(key, ConsentIncident.CODEC.encode(incident));
    return alerts;
  }

  /**
   * Forgets the applications whose last grant is older than the window, and their incidents;
   * returns whether any was forgotten.
   */
  private boolean forgetExpired(ConsentedApps apps, long time, String tenantId, TenantView tenant) {
    List<String> expired =
        apps.lastGrant.entrySet().stream()
            .filter(e -> time - e.getValue() > window)
            .map(Map.Entry::getKey)
            .toList();
    for (String app : expired) {
      apps.lastGrant.remove(app);
      tenant.put(incidentKey(tenantId, app), null);
    }
    return !expired.isEmpty();
  }

  private boolean isMailScope(String permission) {
    return settings.mailScopes().contains(permission.toLowerCase(Locale.ROOT));
  }

  private static ConsentedApps apps(TenantView tenant) {
    byte[] stored = tenant.ruleState();
    return stored == null ? new ConsentedApps() : ConsentedApps.CODEC.decode(stored);
  }

  private static ConsentIncident load(TenantView tenant, String key) {
    byte[] stored = tenant.get(key);
    return stored == null ? null : ConsentIncident.CODEC.decode(stored);
  }

  private static void addNetwork(ConsentIncident incident, AuditEvent event) {
    incident.ips.add(event.getClientIp());
    incident.asns.add(event.getAsn());
    incident.asOrganisations.add(event.getAsOrganisation());
    incident.countries.add(event.getCountry());
  }

  /** Where an application's incident is kept in the tenant stage's store. */
  static String incidentKey(String tenant, String app) {
    return "mail-app-consent|" + tenant + "|" + app;
  }

  private Alert alert(ConsentIncident incident, String tenantId, String app) {
    Instant first = Instant.ofEpochMilli(incident.openedAt);
    Instant last =
        Instant.ofEpochMilli(
            incident.hasReads()
                ? Math.max(incident.lastGrant, incident.lastRead)
                : incident.lastGrant);
    Severity severity =
        incident.hasReads() ? Severity.HIGH : incident.tenantWide ? Severity.MEDIUM : Severity.LOW;
    boolean persistent =
        incident.permissions.toList().stream().anyMatch(p -> p.equalsIgnoreCase(OFFLINE_ACCESS));
    double confidence = incident.hasReads() ? 0.8 : incident.tenantWide || persistent ? 0.5 : 0.4;
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(incident.ips.toList())
            .setAsns(incident.asns.toList())
            .setAsOrganisations(incident.asOrganisations.toList())
            .setCountries(incident.countries.toList())
            .setAppIds(List.of(app))
            .setTokenIds(incident.tokenIds.toList())
            .setSessionIds(incident.sessionIds.toList())
            .setEventCount(incident.grants + incident.reads)
            .setItemCount(incident.items)
            .setSampleEventIds(incident.sample.eventIds())
            .setMailboxes(Alerts.otherMailboxes(incident.mailboxes.toList(), incident.grantor))
            .build();
    return Alerts.revision(
        MailAppConsent.DESCRIPTOR,
        AlertIds.of(
            MailAppConsent.DESCRIPTOR.id(),
            tenantId,
            incident.grantor,
            "app:" + app + "|granted:" + incident.openedAt),
        incident.revision,
        severity,
        confidence,
        tenantId,
        incident.grantor,
        first,
        last,
        summary(incident, app),
        evidence);
  }

  private static String summary(ConsentIncident incident, String app) {
    String granted = String.join(" ", incident.permissions.toList());
    String reach = incident.tenantWide ? "for every user of the tenant" : "for their own mail";
    String grantors =
        incident.grantors.size() > 1
            ? incident.grantor + " and " + (incident.grantors.size() - 1) + " other"
            : incident.grantor;
    if (!incident.hasReads()) {
      return String.format(
          Locale.ROOT,
          "%s granted application %s %s (%s); it has read no mail in the tenant yet",
          grantors,
          app,
          granted,
          reach);
    }
    List<String> mailboxes = incident.mailboxes.toList();
    return String.format(
        Locale.ROOT,
        "Application %s, granted %s by %s (%s), read %d items in %d mailbox%s (%s%s) from %d"
            + " network%s, starting %s after the grant",
        app,
        granted,
        grantors,
        reach,
        incident.items,
        mailboxes.size(),
        mailboxes.size() == 1 ? "" : "es",
        String.join(", ", mailboxes.subList(0, Math.min(3, mailboxes.size()))),
        mailboxes.size() > 3 ? ", ..." : "",
        Math.max(1, incident.asns.size()),
        incident.asns.size() > 1 ? "s" : "",
        Alerts.humanDuration(Duration.ofMillis(incident.firstRead - incident.openedAt)));
  }
}
