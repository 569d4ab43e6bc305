package io.stormwatch.cli.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import org.junit.jupiter.api.Test;

/** Usage errors, found before any broker is contacted. */
class AlertsCommandTest {

  @Test
  void fromNowWithoutFollowIsAUsageError() {
    CommandRun run = CommandRun.of(new AlertsCommand(), "--from-now");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--from-now").contains("--follow");
  }

  @Test
  void ocsfWithoutAnOcsfTopicIsAUsageErrorThatSaysWhatToSet() {
    CommandRun run = CommandRun.of(new AlertsCommand(), "--format", "ocsf");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("topic.alerts.ocsf").contains("--topic");
  }

  @Test
  void anUnknownFormatOrColourChoiceIsAUsageError() {
    CommandRun format = CommandRun.of(new AlertsCommand(), "--format", "cef");
    CommandRun colour = CommandRun.of(new AlertsCommand(), "--color", "sometimes");

    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("write avro or ocsf");
    assertThat(colour.exitCode()).isEqualTo(2);
    assertThat(colour.err()).contains("write auto, always or never");
  }
}
