package io.stormwatch.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChaosCommandTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--membership, sticky, --membership must be static or dynamic",
    "--kills, -1, --kills must not be negative",
    "--instances, 0, --instances must be at least 1",
    "--set, rule.mail-burst.floor.items=0, rule.mail-burst.floor.items"
  })
  void aBadOptionIsAUsageErrorThatNamesIt(String option, String value, String message) {
    CommandRun run = CommandRun.of(new ChaosCommand(), option, value);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(message);
  }
}
