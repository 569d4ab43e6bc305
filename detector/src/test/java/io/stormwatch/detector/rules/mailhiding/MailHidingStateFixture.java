package io.stormwatch.detector.rules.mailhiding;

import io.stormwatch.detector.state.StateFixture;
import io.stormwatch.detector.testing.Events;
import io.stormwatch.detector.testing.MailboxChanges;
import java.time.Instant;
import java.util.Map;

/** An open incident of one rule hiding payment replies in RSS Subscriptions. */
public final class MailHidingStateFixture {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private MailHidingStateFixture() {}

  public static StateFixture<MailHidingState> fixture() {
    return new StateFixture<>(
        "mail-hiding-rule", MailHidingState.CODEC, MailHidingStateFixture::value);
  }

  static MailHidingState value() {
    MailHidingRule rule = new MailHidingRule(MailHidingSettings.of(Map.of()));
    MailHidingState state = new MailHidingState();
    rule.evaluate(
        state,
        MailboxChanges.newInboxRule(Events.ALICE)
            .id("cfg-a")
            .set("Name", "..")
            .set("SubjectOrBodyContainsWords", "invoice;payment")
            .set("MoveToFolder", "RSS Subscriptions")
            .set("MarkAsRead", "True")
            .from(Events.VPS_NL)
            .at(T));
    return state;
  }
}
