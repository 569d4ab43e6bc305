package io.stormwatch.detector.rules.mailforwarding;

import io.stormwatch.detector.state.StateFixture;
import io.stormwatch.detector.testing.Events;
import io.stormwatch.detector.testing.MailboxChanges;
import java.time.Instant;
import java.util.Map;

/**
 * An open forwarding incident of one rule redirecting to free mail, after one unreadable change.
 */
public final class MailForwardingStateFixture {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private MailForwardingStateFixture() {}

  public static StateFixture<MailForwardingState> fixture() {
    return new StateFixture<>(
        "mail-forwarding", MailForwardingState.CODEC, MailForwardingStateFixture::value);
  }

  static MailForwardingState value() {
    MailForwardingRule rule = new MailForwardingRule(MailForwardingSettings.of(Map.of()));
    MailForwardingState state = new MailForwardingState();
    rule.evaluate(
        state, MailboxChanges.outlookRule(Events.ALICE, "ModifyMailboxRule").id("cfg-a").at(T));
    rule.evaluate(
        state,
        MailboxChanges.newInboxRule(Events.ALICE)
            .id("cfg-b")
            .set("Name", ".")
            .set("RedirectTo", "drop@proton.me")
            .from(Events.VPS_NL)
            .at(T.plusSeconds(60)));
    return state;
  }
}
