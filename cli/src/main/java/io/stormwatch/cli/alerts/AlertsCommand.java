package io.stormwatch.cli.alerts;

import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.registry.SchemaResolvers;
import io.stormwatch.schemas.serde.AvroSerdes;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stormwatch alerts}: the alerts on a cluster, one readable line per revision. */
@Command(
    name = "alerts",
    description = {
      "Prints the alerts on the alerts topic, one line per revision, coloured by severity.",
      "",
      "Reads committed alerts only (read_committed), without a consumer group: it commits no"
          + " offsets and can run beside any consumer. Without --follow it prints what the topic"
          + " holds and exits; with --follow it goes on printing alerts as the detector commits"
          + " them, until Ctrl-C. --format ocsf reads the OCSF Detection Finding copy"
          + " (topic.alerts.ocsf) instead of the Avro alerts.",
      "",
      "Exit status: 0 done; 1 failure (no such topic, cluster unreachable); 2 usage error.",
      "",
    },
    mixinStandardHelpOptions = true)
public final class AlertsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing alerts as they are committed, until Ctrl-C.")
  boolean follow;

  @Option(names = "--from-now", description = "Only alerts committed from now on (needs --follow).")
  boolean fromNow;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "avro",
      converter = FormatConverter.class,
      description =
          "avro: the Avro alerts (topic.alerts); ocsf: their OCSF Detection Findings"
              + " (topic.alerts.ocsf). Default: ${DEFAULT-VALUE}.")
  AlertFormat format;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "Read this topic instead of the one the format's setting names.")
  String topic;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      converter = ColourConverter.class,
      description =
          "auto: colour when standard output is a terminal (and NO_COLOR is not set); always;"
              + " never. Default: ${DEFAULT-VALUE}.")
  ColourChoice colour;

  @Option(names = "--no-color", description = "Never colour (the same as --color=never).")
  boolean noColour;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() {
    if (fromNow && !follow) {
      throw new ParameterException(
          spec.commandLine(), "--from-now shows only new alerts and needs --follow");
    }
    StormwatchConfig config = cluster.config();
    String source = topic != null ? topic : defaultTopic(config);
    Function<byte[], AlertView> decoder = decoder(source, config);
    boolean colours = !noColour && colour.colours(System.console() != null, System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Tally tally = new Tally();
    try (AlertTail tail = new AlertTail(ClusterOptions.clientConfig(config), source)) {
      if (!tail.seek(fromNow)) {
        err.printf(
            Locale.ROOT,
            "No topic %s on %s.%s%n",
            source,
            config.bootstrapServers(),
            format == AlertFormat.OCSF
                ? " Is the detector writing OCSF alerts (topic.alerts.ocsf)?"
                : "");
        return 1;
      }
      if (follow) {
        err.printf(
            Locale.ROOT,
            "Following %s (%s) on %s%s; Ctrl-C stops.%n",
            source,
            format.name().toLowerCase(Locale.ROOT),
            config.bootstrapServers(),
            fromNow ? " from now" : "");
        err.flush();
      }
      CountDownLatch finished = new CountDownLatch(1);
      Thread stopOnCtrlC =
          new Thread(
              () -> {
                tail.stop();
                awaitQuietly(finished);
              },
              "alerts-stop");
      Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
      try {
        tail.run(follow, record -> print(record, decoder, colours, out, err, tally));
        printSummary(err, tally, source);
      } finally {
        // Ctrl-C waits for this, so that the summary is printed before the JVM ends.
        finished.countDown();
        removeQuietly(stopOnCtrlC);
      }
    } catch (TimeoutException unreachable) {
      err.printf(
          Locale.ROOT,
          "Kafka at %s did not answer: %s%n",
          config.bootstrapServers(),
          unreachable.getMessage());
      return 1;
    }
    return 0;
  }

  private static void printSummary(PrintWriter err, Tally tally, String source) {
    err.printf(
        Locale.ROOT,
        "%d revision%s of %d alert%s on %s%s.%n",
        tally.revisions,
        tally.revisions == 1 ? "" : "s",
        tally.alerts.size(),
        tally.alerts.size() == 1 ? "" : "s",
        source,
        tally.skipped > 0 ? "; " + tally.skipped + " unreadable record(s) skipped" : "");
    err.flush();
  }

  private String defaultTopic(StormwatchConfig config) {
    if (format == AlertFormat.AVRO) {
      return config.topics().alerts();
    }
    return config
        .topics()
        .ocsfAlerts()
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "--format ocsf reads the topic named by topic.alerts.ocsf, which is not set:"
                        + " --set topic.alerts.ocsf=NAME (as the detector has it) or --topic NAME"));
  }

  /** Avro schema ids are resolved as the detector resolves them: its registry, or the bundle. */
  private Function<byte[], AlertView> decoder(String source, StormwatchConfig config) {
    if (format == AlertFormat.OCSF) {
      return AlertView::ofOcsf;
    }
    Deserializer<Alert> alerts =
        AvroSerdes.of(Alert.class, SchemaResolvers.of(config.schemaRegistry())).deserializer();
    return bytes -> AlertView.of(alerts.deserialize(source, bytes));
  }

  private static void print(
      ConsumerRecord<String, byte[]> record,
      Function<byte[], AlertView> decoder,
      boolean colours,
      PrintWriter out,
      PrintWriter err,
      Tally tally) {
    AlertView alert;
    try {
      alert = decoder.apply(record.value());
    } catch (IllegalArgumentException | KafkaException unreadable) {
      tally.skipped++;
      err.printf(
          Locale.ROOT,
          "Skipped %s-%d@%d: %s%n",
          record.topic(),
          record.partition(),
          record.offset(),
          unreadable.getMessage());
      err.flush();
      return;
    }
    tally.revisions++;
    tally.alerts.add(alert.alertId());
    String line = alert.line();
    out.println(colours ? SeverityColours.paint(alert.severityId(), line) : line);
    out.flush();
  }

  private static void awaitQuietly(CountDownLatch finished) {
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it is what stopped us
    }
  }

  /** What was read so far. */
  private static final class Tally {
    long revisions;
    long skipped;
    final Set<String> alerts = new HashSet<>();
  }

  static final class FormatConverter implements ITypeConverter<AlertFormat> {
    @Override
    public AlertFormat convert(String value) {
      return AlertFormat.parse(value);
    }
  }

  static final class ColourConverter implements ITypeConverter<ColourChoice> {
    @Override
    public ColourChoice convert(String value) {
      return ColourChoice.parse(value);
    }
  }
}
