package io.stormwatch.cli.backtest;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.traffic.replay.ReplayReport;
import java.time.Duration;
import java.util.List;

/**
 * What a backtest produced, every record accounted for: each record read was left out by the
 * event-time range, rejected by the replay, normalised, rejected by the normaliser, or dropped by
 * the normaliser as a duplicate (same record id), which {@link #duplicates()} counts as what
 * remains.
 *
 * @param replay what the replay read, sent and rejected
 * @param normalised events on the normalised topic
 * @param late of which arrived after the grace period
 * @param deadLetters the dead-letter topic, counted
 * @param alerts the latest revision of every alert, in {@link AlertJsonLines#ORDER}
 * @param revisions alert revisions published
 * @param brokerStartup time to start the embedded broker
 * @param detectorStartup time until the detector was processing
 * @param processing from the detector running until it had processed every record
 */
public record BacktestResult(
    ReplayReport replay,
    long normalised,
    long late,
    DeadLetterTally deadLetters,
    List<Alert> alerts,
    int revisions,
    Duration brokerStartup,
    Duration detectorStartup,
    Duration processing) {

  public BacktestResult {
    alerts = List.copyOf(alerts);
  }

  /** Records sent per second of processing. */
  public double processingRate() {
    double seconds = processing.toNanos() / 1e9;
    return seconds > 0 ? replay.sent() / seconds : 0;
  }

  /** Records the normaliser dropped as re-deliveries of a record id it had already seen. */
  public long duplicates() {
    return replay.sent() - normalised - deadLetters.fromRawTopics();
  }

  /**
   * Whether every record read is accounted for: the replay's and the normaliser's counts agree and
   * none is negative.
   */
  public boolean accountedFor() {
    long read = replay.read();
    long accounted =
        replay.outsideRange()
            + deadLetters.fromReplay()
            + normalised
            + deadLetters.fromRawTopics()
            + duplicates();
    return read == accounted
        && deadLetters.fromReplay() == replay.rejectedCount()
        && duplicates() >= 0;
  }
}
