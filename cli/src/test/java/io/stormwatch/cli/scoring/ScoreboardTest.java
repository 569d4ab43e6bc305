package io.stormwatch.cli.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import io.stormwatch.sim.scenario.ScenarioKind;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.truth.GroundTruth;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

  private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant END = Instant.parse("2026-03-02T10:40:00Z");

  private final ScenarioLabel replay = attack("token-replay-contoso-1", "alice@contoso.com");
  private final GroundTruth truth =
      new GroundTruth(
          42, START.minusSeconds(7200), END.plusSeconds(7200), List.of(replay), List.of());

  @Test
  void countsAnAttackDetectedWhenAnAlertOnItsAccountOverlapsIt() {
    var board =
        Scoreboard.score(
            truth, List.of(alert("a1", "alice@contoso.com", START.plusSeconds(600), END)));

    assertThat(board.detected()).isEqualTo(1);
    assertThat(board.missed()).isZero();
    assertThat(board.unmatchedAlerts()).isEmpty();
  }

  @Test
  void countsAnAlertOnAnotherAccountAsUnmatched() {
    var board = Scoreboard.score(truth, List.of(alert("a2", "bob@contoso.com", START, END)));

    assertThat(board.detected()).isZero();
    assertThat(board.missed()).isEqualTo(1);
    assertThat(board.unmatchedAlerts()).extracting(Alert::getAlertId).containsExactly("a2");
  }

  @Test
  void countsAnAlertHoursAwayFromTheAttackAsUnmatched() {
    var later =
        alert("a3", "alice@contoso.com", END.plusSeconds(3 * 3600), END.plusSeconds(4 * 3600));

    var board = Scoreboard.score(truth, List.of(later));

    assertThat(board.detected()).isZero();
    assertThat(board.unmatchedAlerts()).hasSize(1);
  }

  private static ScenarioLabel attack(String id, String account) {
    return new ScenarioLabel(
        id,
        ScenarioType.TOKEN_REPLAY_VPS,
        ScenarioKind.ATTACK,
        Set.of("token-replay"),
        Set.of(),
        "tenant-1",
        "contoso",
        List.of(account),
        START,
        END,
        List.of("r1"),
        new TreeMap<>(),
        "replay");
  }

  private static Alert alert(String id, String account, Instant first, Instant last) {
    return Alert.newBuilder()
        .setAlertId(id)
        .setRevision(1)
        .setRuleId("token-replay")
        .setRuleVersion(1)
        .setSeverity(Severity.HIGH)
        .setTenantId("tenant-1")
        .setAccountId(account)
        .setFirstEventTime(first)
        .setLastEventTime(last)
        .setSummary("s")
        .setEvidence(Evidence.newBuilder().build())
        .build();
  }
}
