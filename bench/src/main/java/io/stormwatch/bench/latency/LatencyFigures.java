package io.stormwatch.bench.latency;

import java.util.List;
import java.util.Objects;

/**
 * What the latency phase measured.
 *
 * @param offeredPerSecond the load the generator aimed for
 * @param sentPerSecond the load it achieved (lower if it could not keep the pace)
 * @param records raw records sent
 * @param seconds how long the load was offered
 * @param catchUpSeconds from the last record sent until the pipeline had committed everything: near
 *     zero when it kept up, large when the load outran it
 * @param alertRevisions alert revisions measured (each matched to the raw record that caused it)
 * @param unmatchedRevisions alert revisions whose causing record could not be found among those
 *     sent (not measured)
 * @param appendToAppend from the causing raw record's append to the raw topic to the alert
 *     revision's append to the alerts topic (both broker LogAppendTime)
 * @param appendToReadable from the same raw append to the moment a read_committed consumer of the
 *     alerts topic had the revision: adds the exactly-once commit and the consumer fetch
 * @param byRule the same two latencies for each rule that raised revisions, by rule id
 * @param gcPauses the garbage collections that stopped the JVM (broker, load and pipeline alike)
 *     during the phase
 * @param backlog the raw records the pipeline had not committed yet, sampled during the phase
 */
public record LatencyFigures(
    double offeredPerSecond,
    double sentPerSecond,
    long records,
    double seconds,
    double catchUpSeconds,
    long alertRevisions,
    long unmatchedRevisions,
    LatencySummary appendToAppend,
    LatencySummary appendToReadable,
    List<RuleLatency> byRule,
    GcPauses.Figures gcPauses,
    BacklogSampler.Figures backlog) {

  public LatencyFigures {
    byRule = List.copyOf(byRule);
    Objects.requireNonNull(gcPauses, "gcPauses");
    Objects.requireNonNull(backlog, "backlog");
  }
}
