package io.stormwatch.cli.detect;

import io.stormwatch.detector.app.DetectorApplication;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.ConfigSources;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.operations.DetectorOperations;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stormwatch detect}: the detector against an existing Kafka cluster, until stopped. */
@Command(
    name = "detect",
    description =
        "Runs the detector (exactly-once) against an existing Kafka cluster until Ctrl-C: "
            + "reads the raw topics, writes audit.events, audit.dlq, audit.late and alerts. "
            + "Settings come from --config FILE, STORMWATCH_* environment variables and --set, in "
            + "that order.",
    mixinStandardHelpOptions = true)
public final class DetectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration (see 'config --print-defaults').")
  Path configFile;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Kafka cluster (overrides bootstrap.servers).")
  String bootstrapServers;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a setting (repeatable).")
  Map<String, String> overrides = new LinkedHashMap<>();

  // A plain flag: picocli's negatable option with default true read --no-create-topics as true.
  @Option(
      names = "--no-create-topics",
      description =
          "Do not create missing topics (by default they are created with"
              + " topic.partitions/replication.factor/retention).")
  boolean noCreateTopics;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> settings = new LinkedHashMap<>(overrides);
    if (bootstrapServers != null) {
      settings.put(StormwatchConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    StormwatchConfig config;
    try {
      config = ConfigSources.load(configFile, System.getenv(), settings);
    } catch (ConfigException bad) {
      throw new ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
    if (!noCreateTopics) {
      Map<String, Object> client = new LinkedHashMap<>(config.kafkaOverrides());
      client.put("bootstrap.servers", config.bootstrapServers());
      try (Admin admin = Admin.create(client)) {
        List<String> created =
            new TopicProvisioner(admin).ensureTopics(config.topics(), config.topicLayout());
        out.println(created.isEmpty() ? "All topics exist." : "Created topics " + created);
      }
    }
    IpIntelligence ipIntelligence = IpIntelligence.loadBundled();
    CountDownLatch closed = new CountDownLatch(1);
    DetectorApplication detector;
    try {
      detector = new DetectorApplication(config, ipIntelligence);
    } catch (SchemaRegistryException registry) {
      spec.commandLine().getErr().println("Cannot start the detector: " + registry.getMessage());
      return 1;
    }
    config
        .schemaRegistry()
        .ifPresent(
            registry ->
                out.printf(
                    "Schemas registered at %s, ids by subject: %s%n",
                    registry.describeUrls(), detector.schemaIds()));
    Optional<DetectorOperations> operations;
    try {
      operations = startOperations(config, detector);
    } catch (IOException e) {
      detector.close();
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    // Ctrl-C or SIGTERM: close the detector inside the hook, so the JVM waits for a clean close,
    // which leaves the group: a scaled-down instance's partitions move to the others at once.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  detector.close();
                  operations.ifPresent(DetectorOperations::close);
                  closed.countDown();
                },
                "detect-shutdown"));
    detector.start();
    out.printf(
        "Detector %s running against %s: %s + %s -> %s%n",
        config.applicationId(),
        config.bootstrapServers(),
        config.topics().ualRaw(),
        config.topics().signInRaw(),
        config.topics().alerts());
    if (!detector.awaitRunning(Duration.ofMinutes(2))) {
      out.println("Still waiting to join the group (state " + detector.state() + ")...");
    }
    out.println("Running; Ctrl-C stops it.");
    out.flush();
    while (!closed.await(1, TimeUnit.SECONDS)) {
      if (detector.state() == KafkaStreams.State.ERROR) {
        spec.commandLine().getErr().println("The detector failed; see the log above.");
        return 1;
      }
    }
    return 0;
  }

  private Optional<DetectorOperations> startOperations(
      StormwatchConfig config, DetectorApplication detector) throws IOException {
    Optional<InetSocketAddress> address = config.metricsAddress();
    if (address.isEmpty()) {
      return Optional.empty();
    }
    DetectorOperations operations = DetectorOperations.start(address.get(), config, detector);
    InetSocketAddress bound = operations.address();
    spec.commandLine()
        .getOut()
        .printf("Operations endpoint on port %d: /metrics, /health, /ready%n", bound.getPort());
    return Optional.of(operations);
  }
}
