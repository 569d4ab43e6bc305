package io.stormwatch.formats;

import static io.stormwatch.formats.Fixtures.parsedEvent;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.files.AuditFileReader;
import io.stormwatch.formats.ual.NameValuePairs;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Exchange configuration records: admin cmdlets (RecordType 1) keep their Parameters by name, inbox
 * rules are told apart, and Outlook's UpdateInboxRules records are read in the cmdlets' terms.
 */
class ExchangeConfigurationRecordsTest {

  private final UnifiedAuditLogParser parser = new UnifiedAuditLogParser();

  private AuditEvent parse(String json) {
    return parsedEvent(parser.parse(json.getBytes(UTF_8)));
  }

  private static String cmdlet(String operation, String parameters) {
    return """
        {"CreationTime":"2026-03-03T10:15:00","Id":"0b9e2f1c-3d4a-4b5c-8d6e-7f8091a2b3c4",
         "Operation":"%s","OrganizationId":"6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d",
         "RecordType":1,"ResultStatus":"True","UserKey":"10032002F222981B","UserType":2,
         "Version":1,"Workload":"Exchange","ClientIP":"185.73.124.135:19823",
         "ObjectId":"megan.bowen","UserId":"Megan.Bowen@contoso.example","AppId":"",
         "ClientAppId":"","ExternalAccess":false,"OrganizationName":"contoso.onmicrosoft.com",
         "OriginatingServer":"CH3PR10MB7864 (15.20.6813.027)","Parameters":%s}"""
        .formatted(operation, parameters);
  }

  private static String updateInboxRules(String properties) {
    return """
        {"AppId":"00000002-0000-0ff1-ce00-000000000000","ClientAppId":"",
         "ClientIPAddress":"203.0.113.7","ClientInfoString":"Client=MSExchangeRPC",
         "ClientProcessName":"OUTLOOK.EXE","CreationTime":"2026-03-03T10:20:00",
         "ExternalAccess":false,"Id":"3a5c7e9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d",
         "InternalLogonType":0,"Item":{"Id":"LgAAAAAdhAMRqmYRzZvIAKoAL8RaDQAx","Name":"Inbox",
         "Path":"\\\\Inbox"},"LogonType":0,"MailboxOwnerUPN":"megan.bowen@contoso.example",
         "Operation":"UpdateInboxRules","OperationProperties":%s,
         "OrganizationId":"6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d","RecordType":2,
         "ResultStatus":"Succeeded","UserId":"megan.bowen@contoso.example","UserType":0,
         "Version":1,"Workload":"Exchange"}"""
        .formatted(properties);
  }

  @Nested
  class AdminCmdlets {

    @Test
    void keepsTheParametersOfACmdletByName() {
      AuditEvent event =
          parse(
              cmdlet(
                  "Set-Mailbox",
                  """
                  [{"Name":"Identity","Value":"CFO"},
                   {"Name":"ForwardingSmtpAddress","Value":"smtp:drop@proton.example"},
                   {"Name":"DeliverToMailboxAndForward","Value":"False"}]"""));

      assertThat(event.getKind()).isEqualTo(EventKind.EXCHANGE_ADMIN);
      assertThat(event.getParameters())
          .containsEntry("Identity", "CFO")
          .containsEntry("ForwardingSmtpAddress", "smtp:drop@proton.example")
          .containsEntry("DeliverToMailboxAndForward", "False");
      assertThat(event.getAccountId()).isEqualTo("megan.bowen@contoso.example");
      assertThat(event.getClientIp()).isEqualTo("185.73.124.135");
    }

    @Test
    void tellsInboxRuleCmdletsFromOtherCmdlets() {
      assertThat(parse(cmdlet("New-InboxRule", "[]")).getKind()).isEqualTo(EventKind.INBOX_RULE);
      assertThat(parse(cmdlet("Set-InboxRule", "[]")).getKind()).isEqualTo(EventKind.INBOX_RULE);
      assertThat(parse(cmdlet("Set-AdminAuditLogConfig", "[]")).getKind())
          .isEqualTo(EventKind.EXCHANGE_ADMIN);
    }

    @Test
    void readsParametersSentAsAStringHoldingTheirJson() {
      AuditEvent event =
          parse(
              cmdlet(
                  "Set-MailboxAuditBypassAssociation",
                  "\"[{\\\"Name\\\":\\\"AuditBypassEnabled\\\",\\\"Value\\\":\\\"True\\\"}]\""));

      assertThat(event.getParameters()).containsEntry("AuditBypassEnabled", "True");
    }

    @Test
    void keepsAPairWithoutValueAsEmptyAndTheFirstOfTwoPairsWithOneName() {
      AuditEvent event =
          parse(
              cmdlet(
                  "Set-Mailbox",
                  """
                  [{"Name":"ForwardingSmtpAddress"},{"Name":"AuditEnabled","Value":false},
                   {"Name":"AuditEnabled","Value":"True"}]"""));

      assertThat(event.getParameters())
          .containsEntry("ForwardingSmtpAddress", "")
          .containsEntry("AuditEnabled", "false");
    }

    @Test
    void boundsWhatOneRecordKeeps() {
      StringBuilder pairs = new StringBuilder("[");
      for (int i = 0; i < NameValuePairs.MAX_PAIRS + 10; i++) {
        pairs.append(i == 0 ? "" : ",").append("{\"Name\":\"P").append(i).append("\",");
        pairs.append("\"Value\":\"").append("x".repeat(2000)).append("\"}");
      }
      AuditEvent event = parse(cmdlet("Set-Mailbox", pairs.append("]").toString()));

      assertThat(event.getParameters()).hasSize(NameValuePairs.MAX_PAIRS);
      assertThat(event.getParameters().get("P0")).hasSize(NameValuePairs.MAX_VALUE_CHARS);
    }

    @Test
    void keepsNoParametersOnOtherRecords() {
      AuditEvent bind =
          parsedEvent(parser.parse(Fixtures.bytes("ual/mail-items-accessed-bind.json")));

      assertThat(bind.getKind()).isEqualTo(EventKind.MAIL_ITEMS_ACCESSED);
      assertThat(bind.getParameters()).isEmpty();
    }
  }

  @Nested
  class OutlookRules {

    @Test
    void readsAForwardAndDeleteRuleMadeInOutlookAsTheCmdletWouldHaveIt() {
      AuditEvent event =
          parse(
              updateInboxRules(
                  """
                  [{"Name":"RuleOperation","Value":"AddMailboxRule"},{"Name":"RuleId","Value":"0"},
                   {"Name":"RuleState","Value":"Enabled, ExitAfterExecution"},
                   {"Name":"RuleCondition","Value":"{(SubjectProperty Contains SubString|IgnoreCase invoice)}"},
                   {"Name":"RuleName","Value":".."},{"Name":"RuleProvider","Value":"RuleOrganizer"},
                   {"Name":"RuleActions","Value":"[{\\"ActionType\\":\\"Forward\\",\\"Recipients\\":[\\"SMTP:Drop@Proton.example\\"]},{\\"ActionType\\":\\"Delete\\"}]"}]"""));

      assertThat(event.getKind()).isEqualTo(EventKind.INBOX_RULE);
      assertThat(event.getMailboxOwner()).isEqualTo("megan.bowen@contoso.example");
      assertThat(event.getParameters())
          .containsEntry("RuleOperation", "AddMailboxRule")
          .containsEntry("Name", "..")
          .containsEntry("ForwardTo", "drop@proton.example")
          .containsEntry("DeleteMessage", "True")
          .doesNotContainKey("RedirectTo");
    }

    @Test
    void leavesAMoveToAFolderNamedOnlyByItsIdUnderived() {
      // The shape of a real AddMailboxRule record that files one sender's mail into a folder.
      AuditEvent event =
          parse(
              updateInboxRules(
                  """
                  [{"Name":"RuleOperation","Value":"AddMailboxRule"},{"Name":"RuleId","Value":"0"},
                   {"Name":"RuleCondition","Value":"{((SenderSearchKey Equal SMTP:HELP@GRANTS.EXAMPLE))}"},
                   {"Name":"RuleName","Value":"Help@grants.example"},
                   {"Name":"RuleActions","Value":"[{\\"ActionType\\":\\"Move\\",\\"DestinationFolderId\\":\\"LgAAAA\\",\\"FolderIsInThisStore\\":\\"True\\"}]"}]"""));

      assertThat(event.getParameters())
          .containsEntry("Name", "Help@grants.example")
          .doesNotContainKeys("ForwardTo", "DeleteMessage", "MoveToFolder");
    }

    @Test
    void aModifiedRuleCarriesNothingToJudge() {
      // Exchange writes no rule body for ModifyMailboxRule: empty name, {} and [].
      AuditEvent event =
          parse(
              updateInboxRules(
                  """
                  [{"Name":"RuleOperation","Value":"ModifyMailboxRule"},
                   {"Name":"RuleId","Value":"-4412630970188955647"},{"Name":"RuleState"},
                   {"Name":"RuleCondition","Value":"{}"},{"Name":"RuleName"},{"Name":"RuleProvider"},
                   {"Name":"RuleActions","Value":"[]"}]"""));

      assertThat(event.getParameters())
          .containsEntry("RuleOperation", "ModifyMailboxRule")
          .containsEntry("RuleActions", "[]")
          .containsEntry("Name", "")
          .doesNotContainKeys("ForwardTo", "RedirectTo", "DeleteMessage");
    }

    @Test
    void readsTheRecipientsOfAnEwsServerRuleRedirect() {
      AuditEvent event =
          parse(
              updateInboxRules(
                  """
                  [{"Name":"RuleOperation","Value":"AddMailboxRule"},{"Name":"Name","Value":"x"},
                   {"Name":"Actions","Value":"RedirectToRecipientsAction"},
                   {"Name":"ServerRule","Value":"{\\"Actions\\":[{\\"ActionType\\":\\"RedirectToRecipientsAction\\",\\"Recipients\\":[{\\"Values\\":[{\\"Value\\":\\"Ext.Box@mail.example\\"}]}]}]}"}]"""));

      assertThat(event.getParameters())
          .containsEntry("Name", "x")
          .containsEntry("RedirectTo", "ext.box@mail.example");
    }
  }

  @Nested
  class RogueInboxExport {

    /** The Purview export of a real rogue inbox rule investigation (Huntress CTF 2023). */
    private List<AuditEvent> events() throws IOException {
      Path csv =
          CorpusLocation.find()
              .map(c -> c.resolve("purview-csv/huntress2023-rogue-inbox-purview.csv"))
              .filter(Files::exists)
              .orElse(null);
      assumeTrue(csv != null, "no shared corpus beside the repository; skipping");
      List<AuditEvent> events = new ArrayList<>();
      try (AuditFileReader reader = AuditFileReader.open(csv)) {
        while (reader.hasNext()) {
          for (ParseResult result : parser.parse(reader.next().json())) {
            if (result instanceof Parsed parsed) {
              events.add(parsed.event());
            }
          }
        }
      }
      return events;
    }

    @Test
    void readsTheAttackersInboxRulesByParameterName() throws IOException {
      List<AuditEvent> rules =
          events().stream().filter(e -> e.getOperation().equals("New-InboxRule")).toList();

      assertThat(rules).hasSize(38);
      assertThat(rules)
          .allSatisfy(
              rule -> {
                assertThat(rule.getKind()).isEqualTo(EventKind.INBOX_RULE);
                assertThat(rule.getAccountId()).isEqualTo("debrab@m365b132131.onmicrosoft.com");
                assertThat(rule.getParameters())
                    .containsEntry("MarkAsRead", "True")
                    .containsEntry("StopProcessingRules", "True")
                    .containsEntry("From", "flag@ctf.com")
                    .containsKey("MoveToFolder");
                assertThat(rule.getParameters().get("Name")).hasSize(1);
              });
      assertThat(rules)
          .filteredOn(r -> r.getParameters().get("MoveToFolder").equals("Conversation History"))
          .hasSize(37);
    }

    @Test
    void readsTheTenantsAuditSettingsAsAdminCmdlets() throws IOException {
      AuditEvent config =
          events().stream()
              .filter(e -> e.getOperation().equals("Set-AdminAuditLogConfig"))
              .findFirst()
              .orElseThrow();

      assertThat(config.getKind()).isEqualTo(EventKind.EXCHANGE_ADMIN);
      assertThat(config.getParameters()).containsEntry("AdminAuditLogEnabled", "True");
      assertThat(config.getAccountId())
          .isEqualTo("nt authority\\system (microsoft.exchange.servicehost)");
    }
  }
}
