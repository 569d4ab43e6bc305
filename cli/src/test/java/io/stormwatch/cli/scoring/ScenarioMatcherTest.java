package io.stormwatch.cli.scoring;

import static io.stormwatch.cli.scoring.Scenarios.T0;
import static io.stormwatch.cli.scoring.Scenarios.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.scenario.ScenarioLabel;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioMatcherTest {

  private final ScenarioLabel replay =
      Scenarios.attack("replay-1", Set.of("token-replay"), Set.of(), "alice@contoso.com");

  @Test
  void matchesTheScenariosAccountInsideItsSpan() {
    assertThat(ScenarioMatcher.matches(alert("a").on("Alice@Contoso.com").build(), replay))
        .isTrue();
  }

  @Test
  void doesNotMatchAnotherAccountOrAnotherTenant() {
    assertThat(ScenarioMatcher.matches(alert("a").on("bob@contoso.com").build(), replay)).isFalse();
    assertThat(
            ScenarioMatcher.matches(
                alert("a").tenant(Scenarios.NORTHWIND).on("alice@contoso.com").build(), replay))
        .isFalse();
  }

  @Test
  void toleratesAlertsThatEndWithinTheSlackBeforeTheScenarioStarts() {
    var justBefore =
        alert("a").from(T0.minus(Duration.ofHours(2))).to(T0.minus(ScenarioMatcher.SLACK)).build();
    var tooEarly =
        alert("a")
            .from(T0.minus(Duration.ofHours(2)))
            .to(T0.minus(ScenarioMatcher.SLACK).minusSeconds(1))
            .build();
    assertThat(ScenarioMatcher.matches(justBefore, replay)).isTrue();
    assertThat(ScenarioMatcher.matches(tooEarly, replay)).isFalse();
  }

  @Test
  void doesNotMatchAnAlertThatBeginsAfterTheSlack() {
    var late =
        alert("a")
            .from(replay.end().plus(ScenarioMatcher.SLACK).plusSeconds(1))
            .to(replay.end().plus(Duration.ofHours(1)))
            .build();
    assertThat(ScenarioMatcher.matches(late, replay)).isFalse();
  }
}
