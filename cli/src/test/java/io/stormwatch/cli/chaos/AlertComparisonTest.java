package io.stormwatch.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertComparisonTest {

  private static final Instant NINE = Instant.parse("2026-03-03T09:00:00Z");

  @Test
  void theSameRevisionsInAnotherOrderAreIdentical() {
    var comparison =
        AlertComparison.of(
            List.of(alert("a", 2, 5), alert("b", 1, 3)),
            List.of(alert("b", 1, 3), alert("a", 1, 4), alert("a", 2, 5)));

    assertThat(comparison.identical()).isTrue();
    assertThat(comparison.expected()).isEqualTo(2);
    assertThat(comparison.got()).isEqualTo(2);
    assertThat(comparison.revisionsExpected()).isEqualTo(3);
    assertThat(comparison.revisionsGot()).isEqualTo(3);
  }

  @Test
  void aRevisionPublishedTwiceIsADuplicate() {
    var comparison =
        AlertComparison.of(
            List.of(alert("a", 2, 5)),
            List.of(alert("a", 1, 4), alert("a", 1, 4), alert("a", 2, 5)));

    assertThat(comparison.identical()).isFalse();
    assertThat(comparison.duplicatedRevisions()).isEqualTo(1);
    assertThat(comparison.lost()).isEmpty();
  }

  @Test
  void countsLostExtraDifferingAlertsAndMissingRevisions() {
    var comparison =
        AlertComparison.of(
            List.of(alert("lost", 1, 1), alert("changed", 2, 5), alert("gap", 3, 7)),
            List.of(
                alert("changed", 1, 4),
                alert("changed", 2, 6),
                alert("gap", 1, 5),
                alert("gap", 3, 7),
                alert("extra", 1, 1)));

    assertThat(comparison.lost()).containsExactly("lost");
    assertThat(comparison.extra()).containsExactly("extra");
    assertThat(comparison.differing()).containsExactly("changed");
    // "lost" 1 and "gap" 2.
    assertThat(comparison.missingRevisions()).isEqualTo(2);
    assertThat(comparison.duplicatedRevisions()).isZero();
    assertThat(comparison.identical()).isFalse();
  }

  @Test
  void theLatestRevisionIsTheHighestWhateverTheOrderRead() {
    var comparison =
        AlertComparison.of(List.of(alert("a", 2, 5)), List.of(alert("a", 2, 5), alert("a", 1, 4)));

    assertThat(comparison.differing()).isEmpty();
    assertThat(comparison.identical()).isTrue();
  }

  private static Alert alert(String id, int revision, int events) {
    return Alert.newBuilder()
        .setAlertId(id)
        .setRevision(revision)
        .setRuleId("mail-burst")
        .setRuleVersion(1)
        .setSeverity(Severity.HIGH)
        .setConfidence(0.9)
        .setAttackTechniques(List.of("T1114.002"))
        .setTenantId("contoso")
        .setAccountId("alice@contoso.com")
        .setFirstEventTime(NINE)
        .setLastEventTime(NINE.plusSeconds(60L * events))
        .setSummary(events + " events")
        .setEvidence(Evidence.newBuilder().setEventCount(events).build())
        .build();
  }
}
