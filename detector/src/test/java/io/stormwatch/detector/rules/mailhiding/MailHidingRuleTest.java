package io.stormwatch.detector.rules.mailhiding;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.MailboxChanges.newInboxRule;
import static io.stormwatch.detector.testing.MailboxChanges.outlookRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailHidingRuleTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:15:00Z");

  private final MailHidingRule rule = new MailHidingRule(MailHidingSettings.of(Map.of()));
  private final MailHidingState state = new MailHidingState();
  private final List<Alert> alerts = new ArrayList<>();

  @Test
  void firesHighOnARuleHidingPaymentRepliesInRssSubscriptions() {
    run(
        newInboxRule(ALICE)
            .set("Name", "..")
            .set("SubjectOrBodyContainsWords", "invoice;payment")
            .set("MoveToFolder", "RSS Subscriptions")
            .set("MarkAsRead", "True")
            .from(VPS_NL)
            .at(T0));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("mail-hiding-rule");
              assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(a.getSummary()).contains("RSS Subscriptions").contains("invoice");
              assertThat(a.getEvidence().getChanges()).anyMatch(c -> c.contains("MoveToFolder"));
            });
  }

  @Test
  void firesMediumOnADeletionOfSecurityNoticesUnderARealName() {
    run(
        newInboxRule(ALICE)
            .set("Name", "Cleanup")
            .set("SubjectContainsWords", "suspicious sign-in")
            .set("DeleteMessage", "True")
            .at(T0));

    assertThat(alerts).singleElement().extracting(Alert::getSeverity).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void firesOnAnOutlookRuleHidingEveryMessage() {
    run(outlookRule(ALICE, "AddMailboxRule").set("Name", "x").set("DeleteMessage", "True").at(T0));

    assertThat(alerts).singleElement().extracting(Alert::getSeverity).isEqualTo(Severity.HIGH);
  }

  @Test
  void staysQuietOnNewslettersFiledIntoAFolderPeopleRead() {
    run(
        newInboxRule(ALICE)
            .set("Name", "Newsletters")
            .set("FromAddressContainsWords", "newsletter")
            .set("MoveToFolder", "Newsletters")
            .set("MarkAsRead", "True")
            .at(T0));

    assertThat(alerts).isEmpty();
  }

  @Test
  void staysQuietOnDeletingOneSendersPromotionsUnderARealName() {
    run(
        newInboxRule(ALICE)
            .set("Name", "Delete Fabrikam Outlet promotions")
            .set("From", "offers@fabrikam-outlet.example")
            .set("DeleteMessage", "True")
            .at(T0));

    assertThat(alerts).isEmpty();
  }

  @Test
  void staysQuietOnAnOutlookRuleChangeThatCarriesNoRule() {
    run(outlookRule(ALICE, "ModifyMailboxRule").at(T0));

    assertThat(alerts).isEmpty();
  }

  private void run(AuditEvent event) {
    alerts.addAll(rule.evaluate(state, event));
  }
}
