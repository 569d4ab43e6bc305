package io.stormwatch.detector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.testing.BrokerTestPipeline;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-down: an instance that is closed leaves the consumer group, so its partitions move to the
 * remaining instance at once, not after the session timeout.
 */
class GracefulScaleDownIT {

  /** Long enough that a handover waiting for it could not pass for a prompt one. */
  private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(5);

  private static final Duration HANDOVER_LIMIT = Duration.ofMinutes(2);

  private static EmbeddedKafkaBroker broker;

  @TempDir static Path stateRoot;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aClosedInstanceHandsItsPartitionsToTheOtherWellWithinTheSessionTimeout() throws Exception {
    var pipeline = new BrokerTestPipeline(broker, stateRoot);
    Map<String, String> slowToNoticeACrash =
        Map.of("kafka.session.timeout.ms", Long.toString(SESSION_TIMEOUT.toMillis()));
    StormwatchConfig leaving = pipeline.instance("leaving", slowToNoticeACrash);
    StormwatchConfig staying = pipeline.instance("staying", slowToNoticeACrash);
    pipeline.createTopics(leaving);
    String group = leaving.applicationId();
    Set<TopicPartition> rawPartitions = rawPartitions(leaving);

    try (Admin admin = pipeline.admin();
        var remaining = new DetectorApplication(staying, TopologyFixture.IP_TABLE)) {
      var departing = new DetectorApplication(leaving, TopologyFixture.IP_TABLE);
      try {
        departing.start();
        remaining.start();
        await()
            .atMost(HANDOVER_LIMIT)
            .until(
                () -> {
                  List<MemberDescription> members = members(admin, group);
                  return members.size() == 2
                      && members.stream().noneMatch(m -> sourcePartitions(m).isEmpty());
                });
      } finally {
        long closing = System.nanoTime();
        departing.close();
        Duration closeTook = Duration.ofNanos(System.nanoTime() - closing);
        System.out.printf("closing the leaving instance took %d ms%n", closeTook.toMillis());
      }
      long closed = System.nanoTime();

      await()
          .atMost(HANDOVER_LIMIT)
          .until(
              () -> {
                List<MemberDescription> members = members(admin, group);
                return members.size() == 1
                    && sourcePartitions(members.get(0)).equals(rawPartitions);
              });
      Duration handover = Duration.ofNanos(System.nanoTime() - closed);
      System.out.printf(
          "the remaining instance held all %d raw partitions %d ms after the close"
              + " (session timeout %d ms)%n",
          rawPartitions.size(), handover.toMillis(), SESSION_TIMEOUT.toMillis());

      assertThat(handover).isLessThan(SESSION_TIMEOUT);
      await().atMost(HANDOVER_LIMIT).until(() -> remaining.health().ready());
    }
  }

  private static Set<TopicPartition> rawPartitions(StormwatchConfig config) {
    int partitions = config.topicLayout().partitions();
    return Stream.of(config.topics().ualRaw(), config.topics().signInRaw())
        .flatMap(
            topic -> IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)))
        .collect(Collectors.toSet());
  }

  private static List<MemberDescription> members(Admin admin, String group) throws Exception {
    ConsumerGroupDescription description =
        admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
    return List.copyOf(description.members());
  }

  private static Set<TopicPartition> sourcePartitions(MemberDescription member) {
    return member.assignment().topicPartitions();
  }
}
