package io.stormwatch.detector.rules.auditsilence;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/**
 * One account's audited mailbox reads and its mail use since the last of them: how many days its
 * own mailbox's reads were audited, when the last was, the hours of the day being counted, the days
 * of mail use without an audited read, and the evidence of that silence. Its size does not grow
 * with the number of events.
 */
public final class MailboxAuditSilenceState {

  static final long NONE = Long.MIN_VALUE;
  static final int MAX_AUDITED_DAYS = 366;
  static final int EVIDENCE_LIMIT = 8;

  static final StateCodec<MailboxAuditSilenceState> CODEC =
      new BinaryStateCodec<>("mailbox-audit-silence", 1) {
        @Override
        protected void write(MailboxAuditSilenceState s, BinaryStateWriter out) {
          out.writeInt(s.auditedDays)
              .writeLong(s.lastReadDay)
              .writeLong(s.lastRead)
              .writeLong(s.blindUntil)
              .writeLong(s.mailDay)
              .writeInt(s.mailHours)
              .writeInt(s.silentDays)
              .writeLong(s.firstSilentSignIn)
              .writeLong(s.lastSilentSignIn)
              .writeLong(s.signIns)
              .writeInt(s.revision)
              .writeStrings(s.ips.toList())
              .writeStrings(s.appIds.toList())
              .writeLongs(s.sample.times())
              .writeStrings(s.sample.eventIds());
        }

        @Override
        protected MailboxAuditSilenceState read(BinaryStateReader in, int version) {
          MailboxAuditSilenceState s = new MailboxAuditSilenceState();
          s.auditedDays = in.readInt();
          s.lastReadDay = in.readLong();
          s.lastRead = in.readLong();
          s.blindUntil = in.readLong();
          s.mailDay = in.readLong();
          s.mailHours = in.readInt();
          s.silentDays = in.readInt();
          s.firstSilentSignIn = in.readLong();
          s.lastSilentSignIn = in.readLong();
          s.signIns = in.readLong();
          s.revision = in.readInt();
          s.ips.addAll(in.readStrings());
          s.appIds.addAll(in.readStrings());
          s.sample = EventSample.of(in.readLongs(), in.readStrings());
          return s;
        }
      };

  /** Days (UTC) with an audited read of the account's own mailbox, up to MAX_AUDITED_DAYS. */
  int auditedDays;

  /** Epoch day of the latest audited read; NONE if none. */
  long lastReadDay = NONE;

  /** Event time of the latest audited read (epoch ms); NONE if none. */
  long lastRead = NONE;

  /** Exchange audits no binds of the mailbox before this (an IsThrottled=True record); NONE. */
  long blindUntil = NONE;

  /** Epoch day whose hours of mail use are being counted; NONE if none. */
  long mailDay = NONE;

  /** Bit h set: a sign-in to Exchange Online in hour h (UTC) of mailDay. */
  int mailHours;

  /** Days of mail use since the last audited read's day, without an audited read. */
  int silentDays;

  long firstSilentSignIn = NONE;
  long lastSilentSignIn = NONE;
  long signIns;

  /** Alert revisions of the current silence; 0 = not reported. */
  int revision;

  final BoundedSortedSet<String> ips = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> appIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  EventSample sample = new EventSample();

  /** An audited read ends the silence: the mail use counted since the previous one is forgotten. */
  void endSilence() {
    mailDay = NONE;
    mailHours = 0;
    silentDays = 0;
    firstSilentSignIn = NONE;
    lastSilentSignIn = NONE;
    signIns = 0;
    revision = 0;
    ips.clear();
    appIds.clear();
    sample = new EventSample();
  }

  boolean isEmpty() {
    return auditedDays == 0;
  }
}
