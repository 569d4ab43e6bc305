package io.stormwatch.detector.rules.auditsilence;

import io.stormwatch.detector.state.StateFixture;

/** A mailbox-audit-silence state two days into an alerted silence. */
public final class MailboxAuditSilenceStateFixture {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z
  private static final long DAY = 86_400_000L;

  private MailboxAuditSilenceStateFixture() {}

  public static StateFixture<MailboxAuditSilenceState> fixture() {
    return new StateFixture<>(
        "mailbox-audit-silence",
        MailboxAuditSilenceState.CODEC,
        MailboxAuditSilenceStateFixture::value);
  }

  static MailboxAuditSilenceState value() {
    MailboxAuditSilenceState s = new MailboxAuditSilenceState();
    s.auditedDays = 23;
    s.lastRead = T;
    s.lastReadDay = T / DAY;
    s.blindUntil = T - 5 * DAY;
    s.mailDay = T / DAY + 2;
    s.mailHours = 0b1111_0000_0000;
    s.silentDays = 2;
    s.firstSilentSignIn = T + DAY;
    s.lastSilentSignIn = T + 2 * DAY + 4 * 3_600_000L;
    s.signIns = 17;
    s.revision = 1;
    s.ips.add("73.162.10.5");
    s.ips.add("2001:db8::ü");
    s.appIds.add("d3590ed6-52b3-4102-aeff-aad2292ab01c");
    s.sample.add(T + DAY, "s1");
    s.sample.add(T + 2 * DAY, "s17");
    return s;
  }
}
