package io.stormwatch.cli.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import io.stormwatch.sim.attack.AttackType;
import io.stormwatch.sim.truth.GroundTruth;
import io.stormwatch.sim.truth.LabelledAttack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

  private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant END = Instant.parse("2026-03-02T10:40:00Z");

  private final LabelledAttack replay = attack("token-replay-contoso-1", "alice@contoso.com");
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

  private static LabelledAttack attack(String id, String account) {
    return new LabelledAttack(
        id,
        AttackType.TOKEN_REPLAY,
        List.of("T1550.001"),
        "tenant-1",
        "contoso",
        account,
        START,
        END,
        List.of("r1"),
        10,
        List.of("188.166.1.20"),
        List.of(14061L),
        List.of("NL"),
        List.of("uti"),
        null,
        "app",
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
