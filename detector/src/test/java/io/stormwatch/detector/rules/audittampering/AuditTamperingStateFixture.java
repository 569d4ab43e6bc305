package io.stormwatch.detector.rules.audittampering;

import io.stormwatch.detector.state.StateFixture;
import io.stormwatch.detector.testing.Events;
import io.stormwatch.detector.testing.MailboxChanges;
import java.time.Instant;
import java.util.Map;

/** An open incident of one mailbox-audit bypass. */
public final class AuditTamperingStateFixture {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private AuditTamperingStateFixture() {}

  public static StateFixture<AuditTamperingState> fixture() {
    return new StateFixture<>(
        "audit-tampering", AuditTamperingState.CODEC, AuditTamperingStateFixture::value);
  }

  static AuditTamperingState value() {
    AuditTamperingRule rule = new AuditTamperingRule(AuditTamperingSettings.of(Map.of()));
    AuditTamperingState state = new AuditTamperingState();
    rule.evaluate(
        state,
        MailboxChanges.cmdlet(Events.ALICE, "Set-MailboxAuditBypassAssociation")
            .id("cfg-a")
            .set("Identity", Events.ALICE)
            .set("AuditBypassEnabled", "True")
            .from(Events.VPS_NL)
            .at(T));
    return state;
  }
}
