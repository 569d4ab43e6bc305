package io.stormwatch.cli.ingest;

import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.detector.config.types.DurationValue;
import io.stormwatch.ingest.http.StopSignal;
import io.stormwatch.ingest.o365.FeedReport;
import io.stormwatch.ingest.o365.O365Ingestor;
import io.stormwatch.ingest.o365.O365Settings;
import io.stormwatch.ingest.o365.PollReport;
import io.stormwatch.ingest.sink.IngestTopics;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stormwatch ingest o365}: the Office 365 Management Activity API into the UAL raw topic.
 */
@Command(
    name = "o365",
    description =
        "Polls the Office 365 Management Activity API for every tenant and content type"
            + " (ingest.o365.*) into topic.ual.raw, exactly once, until Ctrl-C: subscriptions"
            + " started, content listed in windows of at most 24 hours, throttling waited out,"
            + " expired content skipped and counted, positions checkpointed per tenant and content"
            + " type in ingest.checkpoint.topic in the same transaction as the records.",
    mixinStandardHelpOptions = true)
final class O365IngestCommand implements Callable<Integer> {

  private static final Duration CHECKPOINT_READ_TIMEOUT = Duration.ofMinutes(2);

  @Spec CommandSpec spec;

  @Mixin IngestOptions options;

  @Option(
      names = "--once",
      description =
          "Poll every tenant and content type once, then exit: 0 if all succeeded, 1 otherwise.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    IngestOptions.Loaded loaded = options.load();
    O365Settings settings = options.source(loaded, IngestConfig::o365);
    options.ensureTopics(loaded, out);
    IngestTopics topics = IngestOptions.topics(loaded, loaded.cluster().topics().ualRaw());
    StopSignal stop = new StopSignal();
    UntilStopped run = new UntilStopped();
    return run.run(
        spec.commandLine().getErr(),
        () -> {
          try (O365Ingestor ingestor =
              O365Ingestor.connect(
                  settings,
                  ClusterOptions.clientConfig(loaded.cluster()),
                  topics,
                  loaded.ingest().o365TransactionalId(),
                  CHECKPOINT_READ_TIMEOUT,
                  Clock.systemUTC(),
                  stop)) {
            out.printf(
                "Ingesting the Office 365 audit log of %d tenant(s) x %s from %s into %s at %s%n",
                settings.tenants().size(),
                settings.contentTypes(),
                settings.apiRoot(),
                topics.raw(),
                loaded.cluster().bootstrapServers());
            int feeds = settings.tenants().size() * settings.contentTypes().size();
            int resumed = ingestor.start();
            out.printf(
                "Checkpoints in %s: %d of %d feeds resume; the others start %s back.%n",
                topics.checkpoints(),
                resumed,
                feeds,
                DurationValue.format(settings.startLookback()));
            out.flush();
            if (once) {
              PollReport report = ingestor.pollOnce();
              print(out, report);
              return report.anyFailed() ? 1 : 0;
            }
            // Ctrl-C: stop after the blob being written, and let the JVM wait for the clean close.
            run.stopOnShutdown("ingest-o365-shutdown", stop::stop);
            out.printf(
                "Polling every %s; Ctrl-C stops.%n", DurationValue.format(settings.pollInterval()));
            out.flush();
            ingestor.run(report -> print(out, report));
            return 0;
          }
        });
  }

  private static void print(PrintWriter out, PollReport report) {
    for (FeedReport feed : report.feeds()) {
      out.println(IngestLines.feed(report.started(), feed));
    }
    out.flush();
  }
}
