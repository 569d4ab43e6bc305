package io.stormwatch.cli.detect;

import io.stormwatch.detector.app.DetectorApplication;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.ConfigSources;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.ipintel.IpIntelligence;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Missing topics are created with topic.partitions/replication.factor/retention. */
  boolean createTopics = true;

  // A plain flag: picocli reads a negatable --create-topics whose default is true the other way
  // round (--no-create-topics left it true, --create-topics made it false).
  @Option(
      names = "--no-create-topics",
      description =
          "Do not create missing topics (by default they are created with"
              + " topic.partitions/replication.factor/retention).")
  void leaveTopicCreationToTheCluster(boolean leave) {
    createTopics = !leave;
  }

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
    if (createTopics) {
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
    DetectorApplication detector = new DetectorApplication(config, ipIntelligence);
    // Ctrl-C: close the detector inside the hook, so the JVM waits for a clean close.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  detector.close();
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
}
