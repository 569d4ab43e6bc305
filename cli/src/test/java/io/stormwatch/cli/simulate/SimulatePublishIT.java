package io.stormwatch.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.cli.CommandRun;
import io.stormwatch.cli.pipeline.CommittedTopicReader;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.SimulationStats;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import io.stormwatch.traffic.replay.ReplaySpeed;
import io.stormwatch.traffic.replay.WallClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code simulate --publish} on the embedded broker: one period, and period after period. */
class SimulatePublishIT {

  private static final Instant START = Instant.parse("2026-03-02T06:00:00Z");
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void publishesOneSimulatedPeriodToTheRawTopics() {
    String prefix = "pub-" + System.nanoTime() + "-";
    CommandRun run =
        CommandRun.of(
            new SimulateCommand(),
            "--publish",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--tenants",
            "1",
            "--users-per-tenant",
            "4",
            "--hours",
            "3",
            "--start",
            START.toString(),
            "--set",
            "topic.ual.raw=" + prefix + "ual",
            "--set",
            "topic.signin.raw=" + prefix + "signin",
            // The simulated day lies in the past: keep it from being deleted by retention.
            "--set",
            "topic.retention=36500d");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    SimulationStats expected = new TenantSimulator(settings(START).build()).run(record -> {});
    var topics = CommittedTopicReader.at(broker.bootstrapServers());
    assertThat(topics.count(prefix + "ual")).isEqualTo(expected.ualRecords());
    assertThat(topics.count(prefix + "signin")).isEqualTo(expected.signInRecords());
    assertThat(run.out()).contains("Period 1: seed 42").contains("Published");
  }

  @Test
  void followingPublishesTheNextPeriodWithNewRecordIds() throws Exception {
    String prefix = "follow-" + System.nanoTime() + "-";
    StormwatchConfig config =
        StormwatchConfig.from(
            Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "topic.ual.raw",
                prefix + "ual",
                "topic.signin.raw",
                prefix + "signin",
                "topic.retention",
                "36500d"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      new TopicProvisioner(admin).ensureTopics(config.topics(), config.topicLayout());
    }
    SimulationSettings first = settings(START).build();
    SimulationSettings second = SimulatedTraffic.nextPeriod(first);
    StringWriter console = new StringWriter();
    // A wall clock a year on: the simulated days are all in the past, nothing waits.
    WallClock aYearOn = clockAt(START.plus(Duration.ofDays(365)));

    long published;
    try (RawTopicPublisher publisher =
        RawTopicPublisher.connect(
            broker.bootstrapServers(),
            new RawTopicNames(prefix + "ual", prefix + "signin"),
            Map.of(),
            acknowledged -> {},
            1000)) {
      published =
          new SimulatedTraffic(
                  publisher, ReplaySpeed.MAX, true, aYearOn, new PrintWriter(console, true))
              .run(first, 2);
    }

    long expected =
        new TenantSimulator(first).run(r -> {}).records()
            + new TenantSimulator(second).run(r -> {}).records();
    assertThat(published).isEqualTo(expected);
    assertThat(second.start()).isEqualTo(first.end());
    assertThat(second.seed()).isEqualTo(first.seed() + 1);
    List<String> ids = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    CommittedTopicReader.at(broker.bootstrapServers())
        .readToEnd(
            prefix + "ual",
            record -> {
              try {
                ids.add(json.readTree(record.value()).path("Id").asText());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(ids)
        .hasSize((int) (published - countSignIns(first, second)))
        .doesNotHaveDuplicates();
    assertThat(console.toString()).contains("Period 1: seed 42").contains("Period 2: seed 43");
  }

  private static long countSignIns(SimulationSettings... periods) {
    long signIns = 0;
    for (SimulationSettings period : periods) {
      signIns += new TenantSimulator(period).run(r -> {}).signInRecords();
    }
    return signIns;
  }

  private static SimulationSettings.Builder settings(Instant start) {
    return SimulationSettings.builder(start)
        .tenants(1)
        .usersPerTenant(4)
        .duration(Duration.ofHours(3));
  }

  private static WallClock clockAt(Instant now) {
    return new WallClock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Instant now() {
        return now;
      }

      @Override
      public void sleep(long nanos) {
        throw new AssertionError("nothing should wait: the simulated days are in the past");
      }
    };
  }
}
