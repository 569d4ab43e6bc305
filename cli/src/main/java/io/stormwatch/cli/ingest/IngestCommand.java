package io.stormwatch.cli.ingest;

import io.stormwatch.detector.config.DefaultsDocument;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stormwatch ingest}: pulls audit logs from Microsoft into the raw topics. */
@Command(
    name = "ingest",
    description =
        "Pulls audit logs from Microsoft into the raw topics, exactly once: 'ingest o365' polls the"
            + " Office 365 Management Activity API, 'ingest eventhub' reads Entra ID sign-in logs"
            + " that diagnostic settings stream to Event Hubs. '--print-defaults' lists the"
            + " ingest.* settings.",
    mixinStandardHelpOptions = true,
    subcommands = {O365IngestCommand.class, EventHubIngestCommand.class})
public final class IngestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--print-defaults",
      description = "Print every ingest.* setting with its default and documentation, as YAML.")
  boolean printDefaults;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (printDefaults) {
      out.print(
          DefaultsDocument.yaml(
              "# Settings of 'stormwatch ingest': every ingest.* key at its default.\n"
                  + "# Load with --config FILE (the same file may hold bootstrap.servers, kafka.*"
                  + " and topic.*);\n"
                  + "# any key can also be set with an environment variable\n"
                  + "# (ingest.o365.tenants -> STORMWATCH_INGEST_O365_TENANTS) or --set key=value.\n"
                  + "# Event Hubs consumer settings go under 'ingest.eventhub.kafka.'.\n",
              IngestConfig.definition(),
              IngestConfig.defaultValues()));
    } else {
      spec.commandLine().usage(out);
    }
    out.flush();
    return 0;
  }
}
