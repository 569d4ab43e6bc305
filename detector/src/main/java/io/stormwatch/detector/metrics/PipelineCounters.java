package io.stormwatch.detector.metrics;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Severity;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.Sensor.RecordingLevel;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * Stormwatch's own counters, kept as Kafka Streams sensors: records by outcome, dead letters by
 * reason, alerts by rule and severity. Each stream thread has its own sensors (tag {@code
 * thread-id}), shared by the tasks it runs; they live in the client's metrics registry, so whatever
 * exports Kafka Streams' metrics (JMX, Micrometer's binder) exports them too.
 *
 * <p>A processor makes one of these in {@code init} and records from {@code process}: the object
 * only caches the thread's sensors, so the counts survive the task moving away and back.
 *
 * <p>They count processing, not committed output: under exactly-once a transaction that aborts is
 * processed again and counted again. The topics are the exact record; these are for watching.
 */
public final class PipelineCounters {

  /** The metric group of every counter here. */
  public static final String GROUP = "stormwatch-metrics";

  /** Audit records by {@link Outcome}. */
  public static final String RECORDS = "records-total";

  /** Audit records written to the dead-letter topic, by reason (the DLQ's error type). */
  public static final String DEAD_LETTERS = "dead-letters-total";

  /** Alert records written (every revision), by rule and severity. */
  public static final String ALERTS = "alerts-total";

  /**
   * Resource-side token uses (MailItemsAccessed, OWA sign-ins) that name neither a token nor a
   * session, so that orphan-token cannot judge them and leaves them alone.
   */
  public static final String UNJUDGEABLE_TOKEN_USES = "unjudgeable-token-uses-total";

  public static final String OUTCOME_TAG = "outcome";
  public static final String REASON_TAG = "reason";
  public static final String RULE_TAG = "rule";
  public static final String SEVERITY_TAG = "severity";
  public static final String THREAD_TAG = "thread-id";

  /** What became of one audit record (one element of a raw message that holds several). */
  public enum Outcome {
    /** Parsed, enriched and sent on to the tenant stage and {@code audit.events}. */
    NORMALISED("normalised"),
    /** Dropped: the same record id was seen within the dedupe window. */
    DUPLICATE("duplicate"),
    /** Written to the dead-letter topic; {@link #DEAD_LETTERS} says why. */
    DEAD_LETTERED("dead-lettered"),
    /** Normalised, then sent to the late topic by the lateness gate instead of the rules. */
    LATE("late");

    private final String tag;

    Outcome(String tag) {
      this.tag = tag;
    }

    /** The value of the {@code outcome} tag. */
    public String tag() {
      return tag;
    }
  }

  private final StreamsMetrics metrics;
  private final String threadId;
  private final Map<Outcome, Sensor> outcomes = new EnumMap<>(Outcome.class);
  private final Map<String, Sensor> deadLetters = new HashMap<>();
  private final Map<String, Sensor> alerts = new HashMap<>();
  private Sensor unjudgeableTokenUses;

  private PipelineCounters(StreamsMetrics metrics) {
    this.metrics = metrics;
    this.threadId = Thread.currentThread().getName();
  }

  /** Counters of the calling stream thread, in the registry of {@code metrics}. */
  public static PipelineCounters of(StreamsMetrics metrics) {
    return new PipelineCounters(metrics);
  }

  /**
   * Creates the counters for {@code outcomes} now, at zero, so that they are exported before the
   * first record and a rate over them is defined from the start.
   */
  public PipelineCounters withOutcomes(Outcome... outcomes) {
    for (Outcome outcome : outcomes) {
      outcomeSensor(outcome);
    }
    return this;
  }

  /** Creates the dead-letter counters of {@code reasons} now, at zero. */
  public PipelineCounters withDeadLetterReasons(Collection<String> reasons) {
    reasons.forEach(this::deadLetterSensor);
    return this;
  }

  /** Creates the alert counters of {@code rules} at every severity now, at zero. */
  public PipelineCounters withAlertRules(Collection<String> rules) {
    for (String rule : rules) {
      for (Severity severity : Severity.values()) {
        alertSensor(rule, severity);
      }
    }
    return this;
  }

  public void record(Outcome outcome) {
    outcomeSensor(outcome).record();
  }

  /** Counts a record written to the dead-letter topic, both by reason and as an outcome. */
  public void deadLettered(String reason) {
    deadLetterSensor(reason).record();
    record(Outcome.DEAD_LETTERED);
  }

  public void alert(Alert alert) {
    alertSensor(alert.getRuleId(), alert.getSeverity()).record();
  }

  /** Creates the counter of unjudgeable token uses now, at zero. */
  public PipelineCounters withUnjudgeableTokenUses() {
    unjudgeableTokenUseSensor();
    return this;
  }

  /** Counts a token use without token or session id: one orphan-token could not judge. */
  public void unjudgeableTokenUse() {
    unjudgeableTokenUseSensor().record();
  }

  private Sensor unjudgeableTokenUseSensor() {
    if (unjudgeableTokenUses == null) {
      unjudgeableTokenUses =
          counter(
              UNJUDGEABLE_TOKEN_USES,
              "Mail access records without token or session id, which orphan-token cannot judge.");
    }
    return unjudgeableTokenUses;
  }

  private Sensor outcomeSensor(Outcome outcome) {
    return outcomes.computeIfAbsent(
        outcome,
        o ->
            counter(
                RECORDS,
                "Audit records by what became of them (normalised, duplicate, dead-lettered, late).",
                OUTCOME_TAG,
                o.tag()));
  }

  private Sensor deadLetterSensor(String reason) {
    return deadLetters.computeIfAbsent(
        reason,
        r ->
            counter(
                DEAD_LETTERS,
                "Audit records written to the dead-letter topic, by reason.",
                REASON_TAG,
                r));
  }

  private Sensor alertSensor(String rule, Severity severity) {
    return alerts.computeIfAbsent(
        rule + "|" + severity,
        key ->
            counter(
                ALERTS,
                "Alert records written (every revision), by rule and severity.",
                RULE_TAG,
                rule,
                SEVERITY_TAG,
                severity.name()));
  }

  /**
   * The thread's counter named {@code name} with the tags {@code keysAndValues}. The sensor's own
   * name holds the thread and every tag value, so tasks of one thread share it and no two counters
   * do: one sensor records into every metric added to it.
   */
  private Sensor counter(String name, String description, String... keysAndValues) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(THREAD_TAG, threadId);
    StringBuilder sensorName = new StringBuilder("stormwatch.").append(threadId).append('.');
    sensorName.append(name);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      tags.put(keysAndValues[i], keysAndValues[i + 1]);
      sensorName.append('.').append(keysAndValues[i + 1]);
    }
    Sensor sensor = metrics.addSensor(sensorName.toString(), RecordingLevel.INFO);
    // Adding a metric a sensor already has is a no-op, so every task of the thread may do it.
    sensor.add(new MetricName(name, GROUP, description, tags), new CumulativeCount());
    return sensor;
  }
}
