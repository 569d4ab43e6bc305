package io.stormwatch.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertJsonLinesTest {

  private static final Instant NINE = Instant.parse("2026-03-03T09:00:00Z");

  private final AlertJsonLines writer = new AlertJsonLines();

  @Test
  void writesFieldsInTheOrderOfTheAlertSchema() throws Exception {
    String line = writer.line(alert("a1", NINE));

    List<String> names = new ArrayList<>();
    Iterator<String> fields = new ObjectMapper().readTree(line).fieldNames();
    fields.forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "alertId",
            "revision",
            "ruleId",
            "ruleVersion",
            "severity",
            "confidence",
            "attackTechniques",
            "tenantId",
            "accountId",
            "firstEventTime",
            "lastEventTime",
            "summary",
            "evidence",
            "incidentId");
  }

  @Test
  void writesTimesWithMillisecondsEnumsByNameAndAbsentValuesAsNull() throws Exception {
    String line = writer.line(alert("a1", NINE));

    assertThat(line)
        .contains("\"firstEventTime\":\"2026-03-03T09:00:00.000Z\"")
        .contains("\"severity\":\"HIGH\"")
        .contains("\"baseline\":null")
        .contains("\"asns\":[8075,3320]");
  }

  @Test
  void ordersAlertsByFirstEventTimeThenId() throws Exception {
    Alert later = alert("a0", NINE.plusSeconds(60));
    Alert second = alert("b2", NINE);
    Alert first = alert("b1", NINE);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(AlertJsonLines.latestSorted(List.of(later, second, first)), out);

    assertThat(out.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring(12, 14)))
        .containsExactly("b1", "b2", "a0");
  }

  private static Alert alert(String id, Instant first) {
    return Alert.newBuilder()
        .setAlertId(id)
        .setRevision(2)
        .setRuleId("token-replay")
        .setRuleVersion(1)
        .setSeverity(Severity.HIGH)
        .setConfidence(0.9)
        .setAttackTechniques(List.of("T1550.001"))
        .setTenantId("contoso")
        .setAccountId("alice@contoso.com")
        .setFirstEventTime(first)
        .setLastEventTime(first.plusSeconds(600))
        .setSummary("one token from two networks")
        .setEvidence(
            Evidence.newBuilder()
                .setIps(List.of("1.2.3.4", "5.6.7.8"))
                .setAsns(List.of(8075L, 3320L))
                .setEventCount(2)
                .build())
        .build();
  }
}
