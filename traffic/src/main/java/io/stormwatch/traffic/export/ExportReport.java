package io.stormwatch.traffic.export;

import io.stormwatch.sim.SimulationStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param logFiles the files holding the records, to replay or backtest
 * @param groundTruth the file of the injected attacks
 * @param stats the records written
 * @param took wall time taken
 */
public record ExportReport(
    List<Path> logFiles, Path groundTruth, SimulationStats stats, Duration took) {

  public ExportReport {
    logFiles = List.copyOf(logFiles);
  }
}
