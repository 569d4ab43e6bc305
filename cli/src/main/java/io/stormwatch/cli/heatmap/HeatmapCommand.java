package io.stormwatch.cli.heatmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.cli.alerts.AlertTail;
import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.registry.SchemaResolvers;
import io.stormwatch.schemas.serde.AvroSerdes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stormwatch heatmap}: an incident's hours against its account's own. */
@Command(
    name = "heatmap",
    description = {
      "Draws an incident's activity by weekday and hour of day (UTC) beside its account's own, as"
          + " Microsoft charted Storm-0558's working hours: an actor working in the account's night"
          + " stands out.",
      "",
      "Reads the alerts topic (committed alerts, no consumer group), or a backtest's alerts file"
          + " with --alerts. Without --incident it lists the incidents found, each with how many of"
          + " its hours fall outside the account's own. With --incident it prints the two heatmaps"
          + " and writes them as an SVG picture to --out.",
      "",
      "Exit status: 0 done; 1 no such incident, no alerts with activity, or the source could not"
          + " be read; 2 usage error.",
      "",
    },
    mixinStandardHelpOptions = true)
public final class HeatmapCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--incident",
      paramLabel = "ID",
      description = "The incident to draw: its incidentId, or the start of it if that is unique.")
  String incidentId;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where the SVG picture is written (default: incident-<first 8 of the id>.svg).")
  Path svgFile;

  @Option(
      names = "--alerts",
      paramLabel = "FILE",
      description = "Read a backtest's alerts file (JSON lines) instead of the alerts topic.")
  Path alertsFile;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "Read this topic instead of the one topic.alerts names.")
  String topic;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<AlertActivity> alerts = new ArrayList<>();
    String source;
    if (alertsFile != null) {
      source = alertsFile.toString();
      readFile(alerts);
    } else {
      StormwatchConfig config = cluster.config();
      source = topic != null ? topic : config.topics().alerts();
      if (!readTopic(config, source, alerts, err)) {
        return 1;
      }
    }
    List<IncidentHeatmap> incidents = IncidentHeatmap.of(alerts);
    if (incidents.isEmpty()) {
      err.printf(
          Locale.ROOT,
          "None of the %d alert revision(s) on %s belongs to an incident with its activity.%n",
          alerts.size(),
          source);
      return 1;
    }
    if (incidentId == null) {
      list(incidents, source, out);
      return 0;
    }
    List<IncidentHeatmap> chosen =
        incidents.stream().filter(i -> i.incidentId().startsWith(incidentId)).toList();
    if (chosen.size() != 1) {
      err.printf(
          Locale.ROOT,
          chosen.isEmpty()
              ? "No incident %s on %s; run without --incident to list them.%n"
              : "%s starts more than one incident's id on %s; give more of it.%n",
          incidentId,
          source);
      return 1;
    }
    IncidentHeatmap heatmap = chosen.get(0);
    out.print(HeatmapText.render(heatmap));
    Path picture =
        svgFile != null
            ? svgFile
            : Path.of("incident-" + heatmap.incidentId().substring(0, 8) + ".svg");
    Files.writeString(picture, HeatmapSvg.render(heatmap), StandardCharsets.UTF_8);
    out.printf(Locale.ROOT, "%nWrote %s%n", picture);
    out.flush();
    return 0;
  }

  private static void list(List<IncidentHeatmap> incidents, String source, PrintWriter out) {
    out.printf(Locale.ROOT, "%d incident(s) on %s:%n", incidents.size(), source);
    for (IncidentHeatmap incident : incidents) {
      out.printf(
          Locale.ROOT,
          "  %s  %s UTC  %-28s %2d/%-2d h outside its hours  %s%n",
          incident.incidentId(),
          HeatmapText.MINUTE.format(incident.firstEventTime()),
          incident.accountId(),
          incident.incidentHoursOutsideAccountHours(),
          incident.incidentHours(),
          String.join(", ", incident.rules()));
    }
    out.println("Draw one with --incident ID (the start of the id will do).");
    out.flush();
  }

  private void readFile(List<AlertActivity> alerts) throws IOException {
    if (!Files.isRegularFile(alertsFile)) {
      throw new ParameterException(spec.commandLine(), "no such file: " + alertsFile);
    }
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader lines = Files.newBufferedReader(alertsFile, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          alerts.add(AlertActivity.of(json.readTree(line)));
        } catch (IOException | RuntimeException unreadable) {
          throw new ParameterException(
              spec.commandLine(),
              String.format(
                  Locale.ROOT,
                  "%s line %d is not an alert as backtest writes them: %s",
                  alertsFile,
                  number,
                  unreadable.getMessage()));
        }
      }
    }
  }

  /** Reads every committed alert on {@code source}; false, with a message, if it cannot. */
  private static boolean readTopic(
      StormwatchConfig config, String source, List<AlertActivity> alerts, PrintWriter err) {
    Deserializer<Alert> avro =
        AvroSerdes.of(Alert.class, SchemaResolvers.of(config.schemaRegistry())).deserializer();
    int[] unreadable = {0};
    try (AlertTail tail = new AlertTail(ClusterOptions.clientConfig(config), source)) {
      if (!tail.seek(false)) {
        err.printf(Locale.ROOT, "No topic %s on %s.%n", source, config.bootstrapServers());
        return false;
      }
      tail.run(
          false,
          record -> {
            try {
              alerts.add(AlertActivity.of(avro.deserialize(source, record.value())));
            } catch (KafkaException | IllegalArgumentException e) {
              unreadable[0]++;
            }
          });
    } catch (TimeoutException unreachable) {
      err.printf(
          Locale.ROOT,
          "Kafka at %s did not answer: %s%n",
          config.bootstrapServers(),
          unreachable.getMessage());
      return false;
    }
    if (unreadable[0] > 0) {
      err.printf(Locale.ROOT, "%d unreadable record(s) on %s skipped.%n", unreadable[0], source);
    }
    return true;
  }
}
