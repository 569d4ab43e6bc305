package io.stormwatch.detector.rules.appsweep;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.FirstSeen;
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
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One application reading many mailboxes in a short time (T1114.002): the distinct mailboxes a
 * client application (not one of Microsoft's mail clients) reads in a sliding window, against a
 * floor and against the most that application read in a window before. An application permission
 * such as {@code full_access_as_app}, Graph's application {@code Mail.Read} or EWS impersonation
 * lets one application read every mailbox; an integration that always reads the same few stays
 * under its own learned peak.
 *
 * <p>The reads of one application are attributed to many accounts (app-only records name the
 * mailbox read as {@code UserId}), so the rule runs in the tenant stage, with one entry per
 * application other than Microsoft's clients. Its alerts are about the application: their account
 * is {@code app:<client application id>}.
 */
public final class AppMailboxSweepRule implements TenantRule {

  /** The account of an alert about an application rather than a person. */
  static final String APP_ACCOUNT_PREFIX = "app:";

  private final AppMailboxSweepSettings settings;
  private final Set<String> allowed;
  private final long window;

  public AppMailboxSweepRule(AppMailboxSweepSettings settings) {
    this.settings = settings;
    Set<String> apps = new HashSet<>(FirstPartyMailClients.load().keySet());
    apps.addAll(settings.extraAllowedApps());
    this.allowed = Set.copyOf(apps);
    this.window = settings.window().toMillis();
  }

  @Override
  public RuleDescriptor descriptor() {
    return AppMailboxSweep.DESCRIPTOR;
  }

  /** Token uses are not this rule's to judge. */
  @Override
  public Judgement judge(TokenUse use, long streamTime, TenantView tenant) {
    return Judgement.passed();
  }

  @Override
  public List<Alert> judgeEvent(AuditEvent event, TenantView tenant) {
    long time = event.getEventTime().toEpochMilli();
    FirstSeen.remember(tenant, time);
    String app = event.getClientAppId();
    if (event.getKind() != EventKind.MAIL_ITEMS_ACCESSED || app == null || allowed.contains(app)) {
      return List.of();
    }
    String key = appKey(event.getTenantId(), app);
    byte[] stored = tenant.get(key);
    AppMailboxes state = stored == null ? new AppMailboxes() : AppMailboxes.CODEC.decode(stored);
    String mailbox =
        event.getMailboxOwner() != null ? event.getMailboxOwner() : event.getAccountId();

    boolean changed = state.window.values().removeIf(last -> time - last > window);
    Long last = state.window.get(mailbox);
    // A mailbox read again within a quarter of the window keeps its time: one write per quarter,
    // not per read, and a mailbox leaves the window at most a quarter early.
    if (last == null || time - last > window / 4) {
      state.window.put(mailbox, last == null ? time : Math.max(last, time));
      keepLatest(state.window);
      changed = true;
    }
    if (state.incidentOpen() && time - state.lastRead > window) {
      state.closeIncident();
      changed = true;
    }
    int mailboxes = state.window.size();
    if (!state.incidentOpen() && learn(state, time, mailboxes)) {
      changed = true;
    }
    List<Alert> alerts = List.of();
    if (state.incidentOpen()) {
      fold(state, event, mailbox);
      changed = true;
      if (state.mailboxes.size() >= 2 * state.reportedMailboxes) {
        alerts = List.of(revise(state, event, app));
      }
    } else if (mailboxes >= settings.minMailboxes()
        && mailboxes > state.peak * settings.peakMultiplier()
        && !FirstSeen.learning(tenant, time, settings.learning().toMillis())) {
      state.openedAt = Collections.min(state.window.values());
      state.window.keySet().forEach(state.mailboxes::add);
      fold(state, event, mailbox);
      state.candidate = 0;
      state.candidateSince = AppMailboxes.NONE;
      alerts = List.of(revise(state, event, app));
      changed = true;
    }
    if (changed) {
      tenant.put(key, AppMailboxes.CODEC.encode(state));
    }
    return alerts;
  }

  /**
   * Counts {@code mailboxes} towards the peak: the candidate of a span older than a window becomes
   * part of the peak, and a new span begins. Returns whether anything changed.
   */
  private boolean learn(AppMailboxes state, long time, int mailboxes) {
    boolean changed = false;
    if (state.candidateSince != AppMailboxes.NONE && time - state.candidateSince > window) {
      state.peak = Math.max(state.peak, state.candidate);
      state.candidate = 0;
      state.candidateSince = AppMailboxes.NONE;
      changed = true;
    }
    if (state.candidateSince == AppMailboxes.NONE) {
      state.candidateSince = time;
      changed = true;
    }
    if (mailboxes > state.candidate) {
      state.candidate = mailboxes;
      changed = true;
    }
    return changed;
  }

  /**
   * Keeps the most recently read mailboxes of the window, at most as many as any threshold needs.
   */
  private static void keepLatest(Map<String, Long> window) {
    while (window.size() > AppMailboxSweepSettings.MAX_MAILBOXES_IN_WINDOW) {
      window.entrySet().stream()
          .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey)
          .ifPresent(window::remove);
    }
  }

  private static void fold(AppMailboxes state, AuditEvent event, String mailbox) {
    long time = event.getEventTime().toEpochMilli();
    state.lastRead = Math.max(state.lastRead, time);
    state.reads++;
    state.items += MailItems.of(event);
    state.mailboxes.add(mailbox);
    state.ips.add(event.getClientIp());
    state.asns.add(event.getAsn());
    state.asOrganisations.add(event.getAsOrganisation());
    state.countries.add(event.getCountry());
    state.tokenIds.add(event.getUniqueTokenId());
    state.sample.add(time, event.getEventId());
  }

  private Alert revise(AppMailboxes state, AuditEvent event, String app) {
    state.revision++;
    state.reportedMailboxes = state.mailboxes.size();
    String account = APP_ACCOUNT_PREFIX + app;
    List<String> mailboxes = state.mailboxes.toList();
    String summary =
        String.format(
            Locale.ROOT,
            "Application %s read %s%d mailboxes in %s (%s%s), %s: %d items from %s",
            app,
            mailboxes.size() >= 64 ? "at least " : "",
            mailboxes.size(),
            Alerts.humanDuration(java.time.Duration.ofMillis(state.lastRead - state.openedAt)),
            String.join(", ", mailboxes.subList(0, Math.min(3, mailboxes.size()))),
            mailboxes.size() > 3 ? ", ..." : "",
            state.peak == 0
                ? "never more than one before"
                : "at most "
                    + state.peak
                    + " in "
                    + Alerts.humanDuration(settings.window())
                    + " before",
            state.items,
            state.asOrganisations.size() == 0
                ? "an unknown network"
                : String.join(", ", state.asOrganisations.toList()));
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(state.ips.toList())
            .setAsns(state.asns.toList())
            .setAsOrganisations(state.asOrganisations.toList())
            .setCountries(state.countries.toList())
            .setAppIds(List.of(app))
            .setTokenIds(state.tokenIds.toList())
            .setEventCount(state.reads)
            .setItemCount(state.items)
            .setBaseline((double) state.peak)
            .setThreshold(
                Math.max(settings.minMailboxes() - 1, state.peak * settings.peakMultiplier()))
            .setSampleEventIds(state.sample.eventIds())
            .setMailboxes(Alerts.otherMailboxes(mailboxes, account))
            .build();
    return Alerts.revision(
        AppMailboxSweep.DESCRIPTOR,
        AlertIds.of(
            AppMailboxSweep.DESCRIPTOR.id(),
            event.getTenantId(),
            account,
            "opened:" + state.openedAt),
        state.revision,
        Severity.HIGH,
        state.peak == 0 ? 0.7 : 0.6,
        event.getTenantId(),
        account,
        Instant.ofEpochMilli(state.openedAt),
        Instant.ofEpochMilli(state.lastRead),
        summary,
        evidence);
  }

  static String appKey(String tenant, String app) {
    return "app-mailbox-sweep|" + tenant + "|" + app;
  }
}
