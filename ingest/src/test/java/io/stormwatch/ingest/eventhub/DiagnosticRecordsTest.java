package io.stormwatch.ingest.eventhub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.ingest.sink.SplitRecord;
import io.stormwatch.ingest.sink.SplitRecord.Accepted;
import io.stormwatch.ingest.sink.SplitRecord.Ignored;
import io.stormwatch.ingest.sink.SplitRecord.Rejected;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticRecordsTest {

  private final DiagnosticRecords records =
      new DiagnosticRecords(EventHubSettings.SIGN_IN_CATEGORIES);

  @Test
  void splitsAnEnvelopeIntoRecordsKeyedByTenantAndStampedWithEventTime() {
    String first =
        signIn(
            "SignInLogs", "8A4DE8B5-095C-47D0-A96F-A75130C61D53", "2026-03-03T10:00:01.1234567Z");
    String second = signIn("NonInteractiveUserSignInLogs", "0ddba11-0000", "2026-03-03T10:00:02Z");

    List<SplitRecord> split =
        records.split(("{\"records\": [" + first + ",\n" + second + "]}").getBytes(UTF_8));

    assertThat(split).hasSize(2).allMatch(r -> r instanceof Accepted);
    Accepted a = (Accepted) split.get(0);
    assertThat(a.tenantId()).isEqualTo("8a4de8b5-095c-47d0-a96f-a75130c61d53");
    assertThat(a.eventTime()).isEqualTo(Instant.parse("2026-03-03T10:00:01.1234567Z"));
    assertThat(new String(a.json(), UTF_8)).isEqualTo(first);
    assertThat(((Accepted) split.get(1)).tenantId()).isEqualTo("0ddba11-0000");
  }

  @Test
  void takesAMessageHoldingOneRecordAsIt() {
    String one = signIn("SignInLogs", "t1", "2026-03-03T10:00:01Z");

    assertThat(records.split(one.getBytes(UTF_8)))
        .singleElement()
        .isInstanceOfSatisfying(
            Accepted.class, a -> assertThat(new String(a.json(), UTF_8)).isEqualTo(one));
  }

  @Test
  void leavesOutOtherCategoriesAndRejectsWhatCannotBeKeyedOrStamped() {
    String audit = signIn("AuditLogs", "t1", "2026-03-03T10:00:01Z");
    String noTenant =
        "{\"category\":\"SignInLogs\",\"time\":\"2026-03-03T10:00:01Z\",\"properties\":{}}";
    String noTime =
        "{\"category\":\"SignInLogs\",\"tenantId\":\"t1\",\"time\":\"later\",\"properties\":{}}";

    List<SplitRecord> split =
        records.split(
            ("{\"records\":[" + audit + "," + noTenant + "," + noTime + ",7]}").getBytes(UTF_8));

    assertThat(split.get(0))
        .isInstanceOfSatisfying(
            Ignored.class, i -> assertThat(i.category()).isEqualTo("AuditLogs"));
    assertThat(split.subList(1, 4))
        .extracting(r -> ((Rejected) r).errorType())
        .containsExactly("NO_TENANT", "NO_EVENT_TIME", "NOT_AN_OBJECT");
  }

  @Test
  void rejectsAMessageThatIsNotJsonWhole() {
    byte[] garbage = "{\"records\":[{\"a\":1}".getBytes(UTF_8);

    assertThat(records.split(garbage))
        .singleElement()
        .isInstanceOfSatisfying(
            Rejected.class,
            r -> {
              assertThat(r.errorType()).isEqualTo("MALFORMED_JSON");
              assertThat(r.json()).isEqualTo(garbage);
            });
  }

  static String signIn(String category, String tenant, String time) {
    return "{\"time\":\""
        + time
        + "\",\"category\":\""
        + category
        + "\",\"tenantId\":\""
        + tenant
        + "\",\"properties\":{\"id\":\"s-"
        + time
        + "\",\"userPrincipalName\":\"alice@contoso.com\",\"createdDateTime\":\""
        + time
        + "\"}}";
  }
}
