package io.stormwatch.cli.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stormwatch.cli.StormwatchProcess;
import io.stormwatch.cli.StormwatchProcess.Finished;
import io.stormwatch.detector.app.ConsumerGroupLag;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.kafka.embedded.EmbeddedKafkaSettings;
import io.stormwatch.kafka.embedded.SaslSslListener;
import io.stormwatch.kafka.embedded.TlsMaterial;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.traffic.export.SignInLayout;
import io.stormwatch.traffic.export.SimulationExporter;
import io.stormwatch.traffic.export.UalLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stormwatch replay}, {@code detect}, {@code record} and {@code config --check}, each run as
 * its own process as a user runs it, against a broker that lets clients in only over TLS with a
 * SCRAM-SHA-512 login; the secrets come from a config file, {@code STORMWATCH_*} environment
 * variables and {@code --set}. Each command authenticates and does its job, a wrong password ends
 * it at once with a clear error, and no secret appears anywhere in what it prints: stdout, and
 * stderr, which carries its log with Kafka's client logging at INFO (where the clients print their
 * configuration) and Stormwatch's at DEBUG.
 */
class SecureClusterIT {

  private static final String USER = "stormwatch";
  private static final String PASSWORD = TlsMaterial.randomPassword();
  private static final String WRONG_PASSWORD = TlsMaterial.randomPassword();
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

  /** A working day: the simulated people do little at weekends. Topics keep it (36500d). */
  private static final Instant A_TUESDAY_MORNING = Instant.parse("2026-03-03T06:00:00Z");

  @TempDir static Path dir;

  private static TlsMaterial tls;
  private static EmbeddedKafkaBroker broker;
  private static Path configFile;
  private static Map<String, String> environment;

  @BeforeAll
  static void startASecuredBroker() throws Exception {
    tls = TlsMaterial.createIn(dir);
    broker =
        EmbeddedKafkaBroker.start(
            EmbeddedKafkaSettings.defaults()
                .withSaslSslListener(
                    SaslSslListener.withKeyStore(tls.keyStore(), tls.keyStorePassword())
                        .withScramUser(USER, PASSWORD)));
    // The truststore's password comes from the file ...
    configFile =
        Files.writeString(
            dir.resolve("secure.yaml"),
            "bootstrap.servers: "
                + broker.saslSslBootstrapServers()
                + "\n"
                + "topic.retention: 36500d\n"
                + "kafka:\n"
                + "  ssl.truststore.type: PKCS12\n"
                + "  ssl.truststore.location: "
                + tls.trustStore()
                + "\n"
                + "  ssl.truststore.password: "
                + tls.trustStorePassword()
                + "\n");
    // ... the login from the environment.
    environment =
        Map.of(
            "STORMWATCH_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "STORMWATCH_KAFKA_SASL_MECHANISM", SaslSslListener.SCRAM_MECHANISM,
            "STORMWATCH_KAFKA_SASL_JAAS_CONFIG", jaas(PASSWORD),
            "KAFKA_LOG_LEVEL", "INFO",
            "STORMWATCH_LOG_LEVEL", "DEBUG");
  }

  @AfterAll
  static void stopTheBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void replayDetectAndRecordLogInWithScramOverTlsAndPrintNoSecret() throws Exception {
    Path logs = simulatedRecording();
    List<Finished> runs = new ArrayList<>();

    Finished replay =
        StormwatchProcess.run(
            dir,
            environment,
            COMMAND_TIMEOUT,
            "replay",
            logs.toString(),
            "--config",
            configFile.toString(),
            // ... and once more from the command line.
            "--set",
            "kafka.ssl.truststore.password=" + tls.trustStorePassword());
    runs.add(replay);
    assertThat(replay.exitCode()).as(replay.toString()).isZero();

    Map<String, Long> lagAtStart;
    try (Admin admin = Admin.create(secureClient());
        StormwatchProcess detect =
            StormwatchProcess.start(
                dir,
                environment,
                "detect",
                "--config",
                configFile.toString(),
                "--set",
                StormwatchConfig.APPLICATION_ID + "=secure-detector",
                "--set",
                StormwatchConfig.STATE_DIR + "=" + dir.resolve("state"),
                "--set",
                StormwatchConfig.METRICS_PORT + "=0")) {
      List<String> raw = List.of("m365.audit.raw", "entra.signin.raw");
      ConsumerGroupLag lag = new ConsumerGroupLag(admin);
      lagAtStart = lag.byTopic("secure-detector", raw);
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                assertThat(detect.isAlive()).as(detect.printedSoFar()).isTrue();
                return lag.of("secure-detector", raw) == 0 && alerts() > 0;
              });
      Finished stopped = detect.stop(Duration.ofMinutes(1));
      runs.add(stopped);
      assertThat(stopped.out()).contains("Running; Ctrl-C stops it.");
      // Kafka's clients printed their configuration, with the secrets as Kafka hides them.
      assertThat(stopped.err())
          .contains("sasl.jaas.config = [hidden]")
          .contains("ssl.truststore.password = [hidden]");
    }
    assertThat(lagAtStart.values()).allMatch(records -> records > 0);

    Path recorded = dir.resolve("recorded.jsonl");
    Finished record =
        StormwatchProcess.run(
            dir,
            environment,
            COMMAND_TIMEOUT,
            "record",
            "--out",
            recorded.toString(),
            "--config",
            configFile.toString(),
            "--set",
            "kafka.sasl.jaas.config=" + jaas(PASSWORD));
    runs.add(record);
    assertThat(record.exitCode()).as(record.toString()).isZero();
    assertThat(lines(recorded)).isEqualTo(lines(logs)).isPositive();

    runs.forEach(SecureClusterIT::assertNoSecretIn);
  }

  @Test
  void aWrongPasswordEndsEachCommandAtOnceWithAClearError() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("nothing-to-replay"));
    Files.writeString(logs.resolve("empty.jsonl"), "");
    List<String[]> commands =
        List.of(
            new String[] {"replay", logs.toString()},
            new String[] {
              "detect",
              "--set",
              StormwatchConfig.APPLICATION_ID + "=refused",
              "--set",
              StormwatchConfig.METRICS_PORT + "=0"
            },
            new String[] {"record", "--out", dir.resolve("refused.jsonl").toString()});
    for (String[] command : commands) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(
          List.of(
              "--config",
              configFile.toString(),
              "--set",
              "kafka.sasl.jaas.config=" + jaas(WRONG_PASSWORD)));

      Finished run =
          StormwatchProcess.run(dir, environment, COMMAND_TIMEOUT, args.toArray(String[]::new));

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.err())
          .as(run.toString())
          .contains(command[0] + ": the Kafka cluster refused the connection")
          .contains("invalid credentials with SASL mechanism SCRAM-SHA-512")
          .doesNotContain("\tat org.apache.kafka");
      assertNoSecretIn(run);
    }
  }

  @Test
  void configCheckPrintsTheSecretsOfEverySourceHidden() throws Exception {
    Finished check =
        StormwatchProcess.run(
            dir,
            environment,
            COMMAND_TIMEOUT,
            "config",
            "--check",
            configFile.toString(),
            "--set",
            "kafka.ssl.key.password=" + WRONG_PASSWORD);

    assertThat(check.exitCode()).as(check.toString()).isZero();
    assertThat(check.out())
        .contains("kafka.security.protocol: \"SASL_SSL\"")
        .contains("kafka.ssl.truststore.location: \"" + tls.trustStore() + "\"")
        .contains("kafka.ssl.truststore.password: \"[hidden]\"")
        .contains("kafka.sasl.jaas.config: \"[hidden]\"")
        .contains("kafka.ssl.key.password: \"[hidden]\"");
    assertNoSecretIn(check);
  }

  @Test
  void aSecretUnderAnUnknownKeyIsNamedButNotPrinted() throws Exception {
    Finished check =
        StormwatchProcess.run(
            dir,
            environment,
            COMMAND_TIMEOUT,
            "config",
            "--check",
            configFile.toString(),
            // "kafka." forgotten
            "--set",
            "sasl.jaas.config=" + jaas(WRONG_PASSWORD));

    assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
    assertThat(check.err()).contains("sasl.jaas.config").contains("unknown setting");
    assertNoSecretIn(check);
  }

  private static void assertNoSecretIn(Finished run) {
    assertThat(run.printed())
        .as("what %s printed", run)
        .doesNotContain(PASSWORD)
        .doesNotContain(WRONG_PASSWORD)
        .doesNotContain(tls.trustStorePassword())
        .doesNotContain(tls.keyStorePassword());
  }

  private static String jaas(String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + USER
        + "\" password=\""
        + password
        + "\";";
  }

  /** Two tenants of 20 people for three hours, with attacks: a few hundred records, one a line. */
  private static Path simulatedRecording() throws IOException {
    SimulationSettings settings =
        SimulationSettings.builder(A_TUESDAY_MORNING)
            .seed(42)
            .tenants(2)
            .usersPerTenant(20)
            .duration(Duration.ofHours(3))
            .build();
    Path simulation = dir.resolve("simulation");
    new SimulationExporter(UalLayout.JSONL, SignInLayout.JSONL, dir)
        .export(new TenantSimulator(settings), simulation);
    return simulation.resolve(SimulationExporter.LOGS_DIRECTORY);
  }

  private static long lines(Path fileOrDirectory) throws IOException {
    try (Stream<Path> files = Files.walk(fileOrDirectory)) {
      long lines = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        try (Stream<String> content = Files.lines(file)) {
          lines += content.filter(line -> !line.isBlank()).count();
        }
      }
      return lines;
    }
  }

  /** Committed alerts on the alerts topic, read over the secured listener. */
  private static long alerts() {
    Map<String, Object> config = secureClient();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("alerts").stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long alerts = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        alerts += consumer.poll(Duration.ofMillis(200)).count();
      }
      return alerts;
    }
  }

  private static Map<String, Object> secureClient() {
    Map<String, Object> client = new HashMap<>();
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.saslSslBootstrapServers());
    client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    client.put(SaslConfigs.SASL_MECHANISM, SaslSslListener.SCRAM_MECHANISM);
    client.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(PASSWORD));
    client.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
    client.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.trustStore().toString());
    client.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.trustStorePassword());
    return client;
  }
}
