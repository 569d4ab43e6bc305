package io.stormwatch.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stormwatch.sim.RawTopic;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every record the library writes has the fields the Management Activity API schema and the Entra
 * diagnostic-settings schema give it, in their types, whichever writer produced it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordShapesTest {

  private static final Pattern UAL_TIME =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern UTI = Pattern.compile("[A-Za-z0-9_-]{22}");

  private final ScenarioRecords ci = ScenarioRecords.ci(42);

  @Test
  void everyMailboxRecordHasTheMailItemsAccessedFields() {
    for (ScenarioLabel label : ci.run.labels()) {
      if (label.tenantWide()) {
        continue;
      }
      for (JsonNode r : ci.mailRecordsOf(label)) {
        String id = label.id() + " " + r.path("Id").asText();
        assertThat(r.path("CreationTime").asText()).as(id).matches(UAL_TIME);
        assertThat(r.path("Id").asText()).as(id).matches(GUID);
        assertThat(r.path("Operation").asText()).as(id).isEqualTo("MailItemsAccessed");
        assertThat(r.path("RecordType").asInt()).as(id).isEqualTo(50);
        assertThat(r.path("OrganizationId").asText()).as(id).isEqualTo(label.tenantId());
        assertThat(r.path("Workload").asText()).as(id).isEqualTo("Exchange");
        assertThat(r.path("UserId").asText()).as(id).contains("@");
        assertThat(r.path("MailboxOwnerUPN").asText()).as(id).contains("@");
        assertThat(r.path("ClientIPAddress").asText()).as(id).isNotBlank();
        assertThat(r.path("ClientAppId").asText()).as(id).matches(GUID);
        assertThat(r.path("LogonType").isInt()).as(id).isTrue();
        assertThat(r.path("OperationCount").asInt()).as(id).isPositive();
        assertThat(ScenarioRecords.operationProperty(r, "MailAccessType"))
            .as(id)
            .isIn("Bind", "Sync");
        assertThat(ScenarioRecords.operationProperty(r, "IsThrottled"))
            .as(id)
            .isIn("True", "False");
        assertThat(r.path("Folders").isArray() && r.path("Folders").size() > 0).as(id).isTrue();
        JsonNode context = r.path("AppAccessContext");
        assertThat(context.path("UniqueTokenId").asText()).as(id).matches(UTI);
        assertThat(context.path("IssuedAtTime").asText()).as(id).matches(UAL_TIME);
        assertThat(context.path("ClientAppId").asText())
            .as(id)
            .isEqualTo(r.path("ClientAppId").asText());
      }
    }
  }

  @Test
  void everyOwaAuthRecordHasItsFields() {
    List<JsonNode> owa =
        ci.run.labels().stream().flatMap(label -> ci.owaRecordsOf(label).stream()).toList();
    assertThat(owa).isNotEmpty();
    for (JsonNode r : owa) {
      String id = r.path("Id").asText();
      assertThat(r.path("CreationTime").asText()).as(id).matches(UAL_TIME);
      assertThat(id).matches(GUID);
      assertThat(r.path("RecordType").asInt()).as(id).isEqualTo(275);
      assertThat(r.path("Workload").asText()).as(id).isEqualTo("Exchange");
      assertThat(r.path("UserId").asText()).as(id).contains("@");
      assertThat(r.path("ClientIP").asText()).as(id).isNotBlank();
      assertThat(r.path("ClientInfoString").asText()).as(id).startsWith("Client=OWA");
      assertThat(r.path("SessionId").asText()).as(id).matches(GUID);
      assertThat(r.path("UniqueTokenId").asText()).as(id).matches(UTI);
      JsonNode context = r.path("AppAccessContext");
      assertThat(context.path("UniqueTokenId").asText())
          .as(id)
          .isEqualTo(r.path("UniqueTokenId").asText());
      assertThat(context.path("AADSessionId").asText())
          .as(id)
          .isEqualTo(r.path("SessionId").asText());
      assertThat(context.path("IssuedAtTime").asText()).as(id).matches(UAL_TIME);
    }
  }

  @Test
  void everySignInHasTheDiagnosticSettingsFields() {
    for (ScenarioRecord record : ci.records) {
      if (record.record().topic() != RawTopic.SIGN_IN) {
        continue;
      }
      JsonNode s = ScenarioRecords.parse(record);
      String id = record.recordId();
      assertThat(s.path("time").asText()).as(id).endsWith("Z");
      assertThat(s.path("category").asText())
          .as(id)
          .isIn("SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs");
      assertThat(s.path("tenantId").asText()).as(id).isEqualTo(record.record().tenantId());
      JsonNode p = s.path("properties");
      assertThat(p.path("id").asText()).as(id).isEqualTo(id);
      assertThat(p.path("createdDateTime").asText()).as(id).endsWith("+00:00");
      assertThat(p.path("uniqueTokenIdentifier").asText()).as(id).matches(UTI);
      assertThat(p.path("ipAddress").asText()).as(id).isEqualTo(s.path("callerIpAddress").asText());
      assertThat(p.path("appId").asText()).as(id).matches(GUID);
      assertThat(p.path("resourceId").asText()).as(id).matches(GUID);
      assertThat(p.path("status").path("errorCode").isInt()).as(id).isTrue();
      assertThat(p.path("location").path("countryOrRegion").asText()).as(id).hasSize(2);
      if (s.path("category").asText().equals("ServicePrincipalSignInLogs")) {
        assertThat(p.path("userId").isNull()).as(id).isTrue();
        assertThat(p.path("servicePrincipalId").asText()).as(id).matches(GUID);
        assertThat(p.has("sessionId")).as(id).isFalse();
      } else {
        assertThat(p.path("userPrincipalName").asText()).as(id).contains("@");
        assertThat(p.path("sessionId").asText()).as(id).matches(GUID);
        assertThat(p.path("autonomousSystemNumber").isIntegralNumber()).as(id).isTrue();
        assertThat(p.path("isInteractive").asBoolean())
            .as(id)
            .isEqualTo(s.path("category").asText().equals("SignInLogs"));
      }
    }
  }
}
