package io.stormwatch.traffic.export;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.SimulationStats;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.sim.truth.GroundTruthWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a simulation as a recording in Microsoft's own file layouts: the Unified Audit Log records
 * in one layout, the sign-ins in another, under {@code DIR/}{@value #LOGS_DIRECTORY}, and the
 * ground truth beside them as {@code DIR/}{@value #GROUND_TRUTH_FILE} (outside the logs, so that
 * replaying the logs directory reads records only).
 *
 * <p>Memory stays bounded: records are written as they are generated; layouts that list the newest
 * record first spill to temporary files.
 */
public final class SimulationExporter {

  public static final String LOGS_DIRECTORY = "logs";
  public static final String GROUND_TRUTH_FILE = "ground-truth.json";

  /** Records held in memory by a newest-first layout before it spills. */
  static final long SPOOL_MEMORY_BYTES = 32L * 1024 * 1024;

  private final UalLayout ualLayout;
  private final SignInLayout signInLayout;
  private final Path spillDirectory;

  /**
   * @param spillDirectory where newest-first layouts spill while reversing
   */
  public SimulationExporter(UalLayout ualLayout, SignInLayout signInLayout, Path spillDirectory) {
    this.ualLayout = Objects.requireNonNull(ualLayout, "ualLayout");
    this.signInLayout = Objects.requireNonNull(signInLayout, "signInLayout");
    this.spillDirectory = Objects.requireNonNull(spillDirectory, "spillDirectory");
  }

  /**
   * Runs the simulation and writes it under {@code directory}.
   *
   * @throws IOException if a file cannot be written
   * @throws IllegalArgumentException if {@code directory}'s logs directory already holds files,
   *     which a replay of it would mix with this simulation
   */
  public ExportReport export(TenantSimulator simulator, Path directory) throws IOException {
    long started = System.nanoTime();
    Path logs = directory.resolve(LOGS_DIRECTORY);
    requireEmpty(logs);
    Files.createDirectories(logs);
    SimulationStats stats;
    List<Path> files = new ArrayList<>();
    try (RecordFileWriter ual = ualWriter(logs);
        RecordFileWriter signIns = signInWriter(logs)) {
      stats =
          simulator.run(
              record -> {
                try {
                  (record.topic() == RawTopic.UAL ? ual : signIns).write(record);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      files.addAll(ual.files());
      files.addAll(signIns.files());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Path truth = directory.resolve(GROUND_TRUTH_FILE);
    new GroundTruthWriter().write(simulator.groundTruth(), truth);
    return new ExportReport(files, truth, stats, Duration.ofNanos(System.nanoTime() - started));
  }

  private RecordFileWriter ualWriter(Path logs) throws IOException {
    return switch (ualLayout) {
      case JSONL -> new JsonLinesExport(logs.resolve("ual-records.jsonl"));
      case CONTENT_BLOB -> new ContentBlobExport(logs);
      case PURVIEW_CSV ->
          new PurviewCsvExport(
              logs.resolve("purview-audit-export.csv"), SPOOL_MEMORY_BYTES, spillDirectory);
    };
  }

  private RecordFileWriter signInWriter(Path logs) throws IOException {
    return switch (signInLayout) {
      case JSONL -> new JsonLinesExport(logs.resolve("entra-signin-records.jsonl"));
      case EVENTHUB -> new EventHubExport(logs.resolve("entra-signin-eventhub.json"));
      case GRAPH ->
          new GraphPagesExport(
              logs.resolve("graph-signins-pages.json"), SPOOL_MEMORY_BYTES, spillDirectory);
      case LOG_ANALYTICS -> new LogAnalyticsExport(logs.resolve("log-analytics-signinlogs.json"));
    };
  }

  private static void requireEmpty(Path logs) throws IOException {
    if (Files.isDirectory(logs)) {
      try (var entries = Files.list(logs)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(
              logs + " already holds files; write the simulation to an empty directory");
        }
      }
    }
  }
}
