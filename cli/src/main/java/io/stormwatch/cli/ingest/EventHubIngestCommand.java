package io.stormwatch.cli.ingest;

import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.ingest.eventhub.BatchReport;
import io.stormwatch.ingest.eventhub.EventHubBridge;
import io.stormwatch.ingest.eventhub.EventHubSettings;
import io.stormwatch.ingest.http.StopSignal;
import io.stormwatch.ingest.sink.IngestTopics;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stormwatch ingest eventhub}: Entra ID sign-ins from Event Hubs into the raw topic. */
@Command(
    name = "eventhub",
    description =
        "Reads the Entra ID sign-in logs that diagnostic settings stream to an event hub, through"
            + " its Kafka endpoint (SASL_SSL, PLAIN, user $ConnectionString), and writes them to"
            + " topic.signin.raw exactly once, until Ctrl-C: {\"records\":[...]} envelopes split,"
            + " each record keyed by tenant and stamped with its event time; the hub's offsets"
            + " checkpointed in ingest.checkpoint.topic in the same transaction.",
    mixinStandardHelpOptions = true)
final class EventHubIngestCommand implements Callable<Integer> {

  private static final Duration CHECKPOINT_READ_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @Mixin IngestOptions options;

  @Option(names = "--once", description = "Read every partition up to its current end, then exit.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    IngestOptions.Loaded loaded = options.load();
    EventHubSettings settings = options.source(loaded, IngestConfig::eventHub);
    options.ensureTopics(loaded, out);
    IngestTopics topics = IngestOptions.topics(loaded, loaded.cluster().topics().signInRaw());
    UntilStopped run = new UntilStopped();
    return run.run(
        spec.commandLine().getErr(),
        () -> {
          try (EventHubBridge bridge =
              EventHubBridge.connect(
                  settings,
                  ClusterOptions.clientConfig(loaded.cluster()),
                  topics,
                  loaded.ingest().eventHubTransactionalId(),
                  CHECKPOINT_READ_TIMEOUT,
                  new StopSignal())) {
            out.printf(
                "Reading event hub %s at %s (consumer group %s) into %s at %s%n",
                settings.hub(),
                settings.bootstrapServers(),
                settings.consumerGroup(),
                topics.raw(),
                loaded.cluster().bootstrapServers());
            int resumed = bridge.start();
            out.printf(
                "Checkpoints in %s: %d partition(s) resume; the others start at the %s event.%n",
                topics.checkpoints(),
                resumed,
                settings.startAtEarliest() ? "oldest retained" : "next");
            out.flush();
            if (once) {
              BatchReport total = bridge.runToEnd();
              out.println(IngestLines.batches(Instant.now(), total));
              out.flush();
              return 0;
            }
            run.stopOnShutdown("ingest-eventhub-shutdown", bridge::stop);
            out.println("Running; Ctrl-C stops.");
            out.flush();
            Progress progress = new Progress(out);
            bridge.run(progress::add);
            return 0;
          }
        });
  }

  /** Prints what the batches did at most every {@link #PROGRESS_EVERY}. */
  private static final class Progress {
    private final PrintWriter out;
    private BatchReport since = BatchReport.NONE;
    private BatchReport total = BatchReport.NONE;
    private Instant lastLine = Instant.now();

    Progress(PrintWriter out) {
      this.out = out;
    }

    void add(BatchReport batch) {
      since = since.plus(batch);
      total = total.plus(batch);
      Instant now = Instant.now();
      if (Duration.between(lastLine, now).compareTo(PROGRESS_EVERY) >= 0) {
        out.println(IngestLines.batches(now, since, total));
        out.flush();
        since = BatchReport.NONE;
        lastLine = now;
      }
    }
  }
}
