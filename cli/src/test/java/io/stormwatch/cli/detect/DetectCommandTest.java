package io.stormwatch.cli.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DetectCommandTest {

  @Test
  void createsMissingTopicsByDefault() {
    DetectCommand detect = CommandLine.populateCommand(new DetectCommand());

    assertThat(detect.createTopics).isTrue();
  }

  @Test
  void noCreateTopicsLeavesTopicCreationToTheCluster() {
    DetectCommand detect = CommandLine.populateCommand(new DetectCommand(), "--no-create-topics");

    assertThat(detect.createTopics).isFalse();
  }
}
