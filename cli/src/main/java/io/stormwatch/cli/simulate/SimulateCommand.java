package io.stormwatch.cli.simulate;

import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.cli.options.SimulationOptions;
import io.stormwatch.cli.replay.ReplayCommand;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.traffic.export.ExportReport;
import io.stormwatch.traffic.export.SignInLayout;
import io.stormwatch.traffic.export.SimulationExporter;
import io.stormwatch.traffic.export.UalLayout;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import io.stormwatch.traffic.replay.ReplaySpeed;
import io.stormwatch.traffic.replay.WallClock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code stormwatch simulate}: simulated tenants' logs written as Microsoft's own files, or
 * published to a cluster's raw topics as a live feed.
 */
@Command(
    name = "simulate",
    description = {
      "Writes simulated tenants' logs as files in Microsoft's own layouts, with the ground truth.",
      "",
      "Simulates the same tenants as 'stormwatch demo' with the same options and writes the"
          + " Unified Audit Log records under DIR/logs as JSON lines, Management Activity content"
          + " blobs or a Purview CSV export, and the Entra sign-ins as JSON lines, Event Hub"
          + " envelopes, Graph signIn pages or a Log Analytics export; the injected attacks go to"
          + " DIR/ground-truth.json. 'stormwatch backtest DIR/logs' then raises the alerts the demo"
          + " raises for the same --seed and --start.",
      "",
      "Exit status: 0 done; 1 failure; 2 usage error.",
      "",
    },
    mixinStandardHelpOptions = true)
public final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SimulationOptions simulation;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory to write to; DIR/logs must be empty or absent.")
  Path out;

  @Option(
      names = "--publish",
      description = "Publish to the raw topics of the cluster instead of writing files.")
  boolean publish;

  @Option(
      names = "--follow",
      description =
          "With --publish: go on with the next simulated period, and the next, until stopped.")
  boolean follow;

  @Option(
      names = "--speed",
      paramLabel = "SPEED",
      defaultValue = "max",
      converter = ReplayCommand.SpeedConverter.class,
      description =
          "With --publish: event time per wall time, max, 1x (real time), 60x... (default:"
              + " ${DEFAULT-VALUE}).")
  ReplaySpeed speed;

  @Mixin ClusterOptions cluster;

  @Option(
      names = "--ual-format",
      paramLabel = "LAYOUT",
      defaultValue = "jsonl",
      converter = UalLayoutConverter.class,
      description = "jsonl, content-blob or purview-csv (default: ${DEFAULT-VALUE}).")
  UalLayout ualLayout;

  @Option(
      names = "--signin-format",
      paramLabel = "LAYOUT",
      defaultValue = "eventhub",
      converter = SignInLayoutConverter.class,
      description = "jsonl, eventhub, graph or log-analytics (default: ${DEFAULT-VALUE}).")
  SignInLayout signInLayout;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    SimulationSettings settings = simulation.settings();
    if (publish == (out != null)) {
      throw new ParameterException(
          spec.commandLine(), "give either --out DIR (files) or --publish (a cluster)");
    }
    if (publish) {
      return publish(console, settings);
    }
    if (follow) {
      throw new ParameterException(spec.commandLine(), "--follow goes with --publish");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), out + " is a file, not a directory");
    }
    console.printf(
        Locale.ROOT,
        "Simulating %s: UAL as %s, sign-ins as %s%n",
        simulation.describe(),
        ualLayout.label(),
        signInLayout.label());
    console.flush();

    TenantSimulator simulator = new TenantSimulator(settings);
    ExportReport report;
    try {
      report =
          new SimulationExporter(
                  ualLayout, signInLayout, Path.of(System.getProperty("java.io.tmpdir")))
              .export(simulator, out);
    } catch (IllegalArgumentException notEmpty) {
      throw new ParameterException(spec.commandLine(), notEmpty.getMessage(), notEmpty);
    }
    console.printf(
        Locale.ROOT,
        "  records       %,d  (UAL %,d, sign-ins %,d) in %.1f s%n",
        report.stats().records(),
        report.stats().ualRecords(),
        report.stats().signInRecords(),
        report.took().toMillis() / 1000.0);
    console.printf(
        Locale.ROOT,
        "  log files     %d in %s%n",
        report.logFiles().size(),
        out.resolve(SimulationExporter.LOGS_DIRECTORY));
    for (Path file : report.logFiles()) {
      console.printf(
          Locale.ROOT, "                %s (%,d bytes)%n", file.getFileName(), Files.size(file));
    }
    console.printf(Locale.ROOT, "  ground truth  %s%n", report.groundTruth());
    SimulationOptions.unplacedAttackLines(simulator.groundTruth())
        .forEach(line -> console.println("                " + line));
    console.printf(
        Locale.ROOT,
        "Backtest it:  stormwatch backtest %s --out alerts.jsonl%n",
        out.resolve(SimulationExporter.LOGS_DIRECTORY));
    console.flush();
    return 0;
  }

  private int publish(PrintWriter console, SimulationSettings settings) throws Exception {
    StormwatchConfig config = cluster.config();
    var topics = config.topics();
    try (Admin admin = Admin.create(ClusterOptions.clientConfig(config))) {
      new TopicProvisioner(admin).ensureTopics(topics, config.topicLayout());
    }
    console.printf(
        Locale.ROOT,
        "Publishing %s to %s and %s on %s%s%n",
        simulation.describe(),
        topics.ualRaw(),
        topics.signInRaw(),
        config.bootstrapServers(),
        follow ? ", period after period until stopped" : "");
    console.flush();
    try (RawTopicPublisher publisher =
        RawTopicPublisher.connect(
            config.bootstrapServers(),
            new RawTopicNames(topics.ualRaw(), topics.signInRaw()),
            ClusterOptions.clientConfig(config),
            acknowledged -> {},
            10_000)) {
      long published =
          new SimulatedTraffic(publisher, speed, follow, WallClock.SYSTEM, console)
              .run(settings, Long.MAX_VALUE);
      console.printf(Locale.ROOT, "Published %,d records.%n", published);
    }
    console.flush();
    return 0;
  }

  /** Reads a layout name; an unknown one is a usage error that lists the known ones. */
  private abstract static class LayoutConverter<L> implements ITypeConverter<L> {
    private final Function<String, L> parse;

    LayoutConverter(Function<String, L> parse) {
      this.parse = parse;
    }

    @Override
    public L convert(String value) {
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException(unknown.getMessage());
      }
    }
  }

  static final class UalLayoutConverter extends LayoutConverter<UalLayout> {
    UalLayoutConverter() {
      super(UalLayout::parse);
    }
  }

  static final class SignInLayoutConverter extends LayoutConverter<SignInLayout> {
    SignInLayoutConverter() {
      super(SignInLayout::parse);
    }
  }
}
