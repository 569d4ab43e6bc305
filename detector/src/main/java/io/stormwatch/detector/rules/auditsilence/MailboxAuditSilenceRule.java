package io.stormwatch.detector.rules.auditsilence;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.rules.AuditThrottling;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A mailbox whose reads are no longer audited while its owner keeps using mail (ATT&amp;CK
 * T1562.008): audit-tampering sees the cmdlet that switches auditing off or bypasses it, this rule
 * sees the effect when the change never reached the feed (run before the export began, left out of
 * the export, made by a path that writes no admin record).
 *
 * <p>Mail use is what Entra shows: a mail client open through a working day redeems its refresh
 * token for Exchange Online about hourly, and a client that reads mail leaves MailItemsAccessed
 * records of its owner's mailbox (binds, aggregated, or syncs of whole folders). A day of mail use
 * is one with sign-ins to Exchange Online in at least {@code active.hours} clock hours (UTC); the
 * rule counts such days after the day of the mailbox's last audited read, and fires on reaching the
 * {@code silent.days}-th without another read. A day counts only once it holds that many hours of
 * sign-ins, so a sign-in logged a minute before the morning's first read, or a sign-in feed that
 * lags the audit log, never makes a day of silence. The 24 hours after an {@code IsThrottled=True}
 * record do not count: Exchange audits no binds then, by design, and mail-burst reports it.
 */
public final class MailboxAuditSilenceRule implements AccountRule<MailboxAuditSilenceState> {

  /** Entra's application id of Office 365 Exchange Online, the resource mail clients sign in to. */
  static final String EXCHANGE_ONLINE = "00000002-0000-0ff1-ce00-000000000000";

  private static final long DAY_MS = 86_400_000L;
  private static final long HOUR_MS = 3_600_000L;

  private final MailboxAuditSilenceSettings settings;

  public MailboxAuditSilenceRule(MailboxAuditSilenceSettings settings) {
    this.settings = settings;
  }

  @Override
  public RuleDescriptor descriptor() {
    return MailboxAuditSilence.DESCRIPTOR;
  }

  @Override
  public MailboxAuditSilenceState newState() {
    return new MailboxAuditSilenceState();
  }

  @Override
  public boolean isEmpty(MailboxAuditSilenceState state) {
    return state.isEmpty();
  }

  @Override
  public StateCodec<MailboxAuditSilenceState> codec() {
    return MailboxAuditSilenceState.CODEC;
  }

  @Override
  public List<Alert> evaluate(MailboxAuditSilenceState state, AuditEvent event) {
    if (event.getKind() == EventKind.MAIL_ITEMS_ACCESSED) {
      if (isOwnMailbox(event)) {
        audited(state, event);
      }
      return List.of();
    }
    if (event.getKind() != EventKind.SIGN_IN || !isMailSignIn(event)) {
      return List.of();
    }
    return mailUse(state, event);
  }

  private static boolean isOwnMailbox(AuditEvent event) {
    String owner = event.getMailboxOwner();
    return owner == null || owner.equals(event.getAccountId());
  }

  private static boolean isMailSignIn(AuditEvent event) {
    return !Boolean.FALSE.equals(event.getSucceeded())
        && EXCHANGE_ONLINE.equalsIgnoreCase(event.getResourceId());
  }

  private static void audited(MailboxAuditSilenceState state, AuditEvent event) {
    long time = event.getEventTime().toEpochMilli();
    long day = Math.floorDiv(time, DAY_MS);
    if (event.getThrottled()) {
      long until = time + AuditThrottling.BLINDNESS.toMillis();
      state.blindUntil = Math.max(state.blindUntil, until);
    }
    if (state.lastRead != MailboxAuditSilenceState.NONE && time < state.lastRead) {
      return; // a read that arrives late says nothing about the silence after the latest one
    }
    if (day != state.lastReadDay && state.auditedDays < MailboxAuditSilenceState.MAX_AUDITED_DAYS) {
      state.auditedDays++;
    }
    state.lastRead = time;
    state.lastReadDay = day;
    state.endSilence();
  }

  private List<Alert> mailUse(MailboxAuditSilenceState state, AuditEvent event) {
    long time = event.getEventTime().toEpochMilli();
    long day = Math.floorDiv(time, DAY_MS);
    if (state.auditedDays < settings.minAuditedDays()
        || day <= state.lastReadDay
        || time < state.blindUntil
        || (state.mailDay != MailboxAuditSilenceState.NONE && day < state.mailDay)) {
      return List.of();
    }
    if (day != state.mailDay) {
      state.mailDay = day;
      state.mailHours = 0;
    }
    observe(state, event, time);
    int before = Integer.bitCount(state.mailHours);
    state.mailHours |= 1 << (int) Math.floorMod(time / HOUR_MS, 24L);
    if (before >= settings.activeHours()
        || Integer.bitCount(state.mailHours) < settings.activeHours()) {
      return List.of();
    }
    state.silentDays++;
    if (state.silentDays < settings.silentDays()) {
      return List.of();
    }
    state.revision++;
    return List.of(alert(state, event));
  }

  private static void observe(MailboxAuditSilenceState state, AuditEvent event, long time) {
    if (state.firstSilentSignIn == MailboxAuditSilenceState.NONE) {
      state.firstSilentSignIn = time;
    }
    state.lastSilentSignIn = Math.max(state.lastSilentSignIn, time);
    state.signIns++;
    state.ips.add(event.getClientIp());
    state.appIds.add(event.getClientAppId());
    state.sample.add(time, event.getEventId());
  }

  private Alert alert(MailboxAuditSilenceState state, AuditEvent event) {
    Instant lastRead = Instant.ofEpochMilli(state.lastRead);
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(state.ips.toList())
            .setAppIds(state.appIds.toList())
            .setEventCount(state.signIns)
            .setThreshold((double) settings.silentDays())
            .setSampleEventIds(state.sample.eventIds())
            .setMailboxBlindSince(lastRead)
            .build();
    String summary =
        String.format(
            Locale.ROOT,
            "%s's mailbox: no read audited since %s, yet the account used its mail on %d days"
                + " since (%,d sign-ins to Exchange Online); its reads had been audited on %d"
                + " days: auditing switched off or bypassed for the mailbox, or its reads no"
                + " longer exported",
            event.getAccountId(),
            lastRead.truncatedTo(ChronoUnit.MINUTES),
            state.silentDays,
            state.signIns,
            state.auditedDays);
    return Alerts.revision(
        MailboxAuditSilence.DESCRIPTOR,
        AlertIds.of(
            MailboxAuditSilence.DESCRIPTOR.id(),
            event.getTenantId(),
            event.getAccountId(),
            "silence@" + lastRead),
        state.revision,
        Severity.MEDIUM,
        0.6,
        event.getTenantId(),
        event.getAccountId(),
        lastRead,
        Instant.ofEpochMilli(state.lastSilentSignIn),
        summary,
        evidence);
  }
}
