package io.stormwatch.cli.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class CreateTopicsCommandIT {

  @Test
  void createsThePipelineTopicsOnceAndThenFindsThem() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      CommandRun first =
          CommandRun.of(
              new CreateTopicsCommand(),
              "--bootstrap-servers",
              broker.bootstrapServers(),
              "--set",
              "topic.partitions=2");
      CommandRun second =
          CommandRun.of(
              new CreateTopicsCommand(), "--bootstrap-servers", broker.bootstrapServers());

      assertThat(first.exitCode()).as(first.toString()).isZero();
      assertThat(first.out()).contains("Created topics").contains("alerts");
      assertThat(second.exitCode()).as(second.toString()).isZero();
      assertThat(second.out()).contains("All topics exist");
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get())
            .containsAll(
                Set.of(
                    "m365.audit.raw",
                    "entra.signin.raw",
                    "audit.events",
                    "audit.dlq",
                    "audit.late",
                    "alerts"));
        assertThat(admin.describeTopics(Set.of("alerts")).allTopicNames().get())
            .allSatisfy((name, topic) -> assertThat(topic.partitions()).hasSize(2));
      }
    }
  }
}
