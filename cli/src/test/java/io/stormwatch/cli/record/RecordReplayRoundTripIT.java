package io.stormwatch.cli.record;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import io.stormwatch.cli.replay.ReplayCommand;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw topics recorded to a file and the file replayed into other raw topics: every record arrives
 * with the same bytes, key and timestamp.
 */
class RecordReplayRoundTripIT {

  private static final Map<String, String> COPY_TOPICS =
      Map.of(
          StormwatchConfig.TOPIC_UAL_RAW, "copy.m365.audit.raw",
          StormwatchConfig.TOPIC_SIGNIN_RAW, "copy.entra.signin.raw",
          StormwatchConfig.TOPIC_EVENTS, "copy.audit.events",
          StormwatchConfig.TOPIC_DLQ, "copy.audit.dlq",
          StormwatchConfig.TOPIC_LATE, "copy.audit.late",
          StormwatchConfig.TOPIC_ALERTS, "copy.alerts");

  @TempDir Path dir;

  @Test
  void aRecordedRecordReachesTheRawTopicByteForByteWhenReplayed() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      StormwatchConfig original =
          StormwatchConfig.from(
              Map.of(
                  StormwatchConfig.BOOTSTRAP_SERVERS,
                  broker.bootstrapServers(),
                  StormwatchConfig.TOPIC_RETENTION,
                  "36500d"));
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        new TopicProvisioner(admin).ensureTopics(original.topics(), original.topicLayout());
      }
      publishSimulation(original);
      Path recording = dir.resolve("raw-topics.jsonl.gz");

      CommandRun record =
          CommandRun.of(
              new RecordCommand(),
              "--out",
              recording.toString(),
              "--bootstrap-servers",
              broker.bootstrapServers());
      List<String> args = new ArrayList<>(List.of(recording.toString()));
      args.addAll(List.of("--bootstrap-servers", broker.bootstrapServers()));
      args.addAll(List.of("--set", StormwatchConfig.TOPIC_RETENTION + "=36500d"));
      COPY_TOPICS.forEach((key, topic) -> args.addAll(List.of("--set", key + "=" + topic)));
      CommandRun replay = CommandRun.of(new ReplayCommand(), args.toArray(String[]::new));

      assertThat(record.exitCode()).as(record.toString()).isZero();
      assertThat(replay.exitCode()).as(replay.toString()).isZero();
      String servers = broker.bootstrapServers();
      List<String> ual = read(servers, original.topics().ualRaw());
      List<String> signIns = read(servers, original.topics().signInRaw());
      assertThat(ual).hasSizeGreaterThan(100);
      assertThat(signIns).isNotEmpty();
      assertThat(read(servers, "copy.m365.audit.raw")).containsExactlyInAnyOrderElementsOf(ual);
      assertThat(read(servers, "copy.entra.signin.raw"))
          .containsExactlyInAnyOrderElementsOf(signIns);
      assertThat(read(servers, "copy.audit.dlq")).isEmpty();
    }
  }

  private static void publishSimulation(StormwatchConfig config) {
    SimulationSettings settings =
        SimulationSettings.builder(Instant.parse("2026-03-03T06:00:00Z"))
            .tenants(2)
            .usersPerTenant(10)
            .duration(Duration.ofHours(4))
            .build();
    try (RawTopicPublisher publisher =
        RawTopicPublisher.connect(
            config.bootstrapServers(),
            new RawTopicNames(config.topics().ualRaw(), config.topics().signInRaw()),
            Map.of(),
            n -> {},
            1000)) {
      new TenantSimulator(settings).run(publisher::send);
    }
  }

  /** Every record of a topic as key, timestamp and value, the value's bytes in hex. */
  private static List<String> read(String bootstrapServers, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<String> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          records.add(
              record.key()
                  + " @"
                  + record.timestamp()
                  + " "
                  + new String(record.value(), UTF_8)
                  + " "
                  + Arrays.hashCode(record.value()));
        }
      }
    }
    return records;
  }
}
