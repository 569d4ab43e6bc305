package io.stormwatch.cli.chaos;

import io.stormwatch.cli.backtest.Backtest;
import io.stormwatch.cli.backtest.BacktestListener;
import io.stormwatch.cli.backtest.BacktestResult;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.traffic.replay.ReplaySettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run is held to: a labelled simulated recording and the alerts of its uninterrupted
 * backtest, which depend on the recording alone. Several runs may share one.
 *
 * <p>The recording leaves out the sign-in logs of its busiest tenant, as when a tenant's Entra
 * diagnostic settings are missing: that tenant's token uses then raise a sign-in coverage gap, so
 * that every rule takes part, including the checks the tenant stage runs on stream time.
 *
 * @param files the recording's files
 * @param records raw records in them
 * @param bytes size of their JSON
 * @param attacks labelled attacks among them
 * @param tenantWithoutSignIns the tenant whose sign-in logs were left out
 * @param detectorSettings the detector settings the backtest ran with, which the runs use too
 * @param backtest the uninterrupted run
 * @param took how long writing and backtesting the recording took
 */
public record ChaosReference(
    List<Path> files,
    long records,
    long bytes,
    int attacks,
    String tenantWithoutSignIns,
    Map<String, String> detectorSettings,
    BacktestResult backtest,
    Duration took) {

  public ChaosReference {
    files = List.copyOf(files);
    detectorSettings = Map.copyOf(detectorSettings);
  }

  /**
   * Writes the simulation as JSON lines under {@code directory} and backtests them.
   *
   * @param detectorSettings detector settings ({@code --set}) for the backtest and the runs
   * @param timeout how long the backtest may wait for the detector to process everything
   */
  public static ChaosReference prepare(
      SimulationSettings simulation,
      Map<String, String> detectorSettings,
      Path directory,
      Duration timeout)
      throws Exception {
    long started = System.nanoTime();
    String muted = busiestSignInTenant(simulation);
    Path logs = Files.createDirectories(directory.resolve("recording"));
    Path ual = logs.resolve("ual-records.jsonl");
    Path signIns = logs.resolve("entra-signin-records.jsonl");
    TenantSimulator simulator = new TenantSimulator(simulation);
    long[] written = new long[2]; // records, bytes
    try (OutputStream ualOut = new BufferedOutputStream(Files.newOutputStream(ual));
        OutputStream signInOut = new BufferedOutputStream(Files.newOutputStream(signIns))) {
      simulator.run(
          record -> {
            boolean isUal = record.topic() == RawTopic.UAL;
            if (isUal || !record.tenantId().equals(muted)) {
              writeLine(isUal ? ualOut : signInOut, record);
              written[0]++;
              written[1] += record.json().length;
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<Path> files = List.of(ual, signIns);
    BacktestResult backtest =
        new Backtest(
                Backtest.settings(Map.of(), detectorSettings), ReplaySettings.defaults(), timeout)
            .run(files, IpIntelligence.loadBundled(), BacktestListener.NONE);
    return new ChaosReference(
        files,
        written[0],
        written[1],
        simulator.groundTruth().attacks().size(),
        muted,
        detectorSettings,
        backtest,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private static String busiestSignInTenant(SimulationSettings simulation) {
    Map<String, Long> signIns = new HashMap<>();
    new TenantSimulator(simulation)
        .run(
            record -> {
              if (record.topic() == RawTopic.SIGN_IN) {
                signIns.merge(record.tenantId(), 1L, Long::sum);
              }
            });
    return signIns.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse("");
  }

  private static void writeLine(OutputStream out, SimulatedRecord record) {
    try {
      out.write(record.json());
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
