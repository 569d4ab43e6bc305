package io.stormwatch.bench.throughput;

import io.stormwatch.bench.ProgressListener.Progress;
import io.stormwatch.detector.app.ConsumerGroupLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs a Kafka Streams application over the pre-loaded raw topics until it has processed and
 * committed everything, and times it. The clock starts when the application reports RUNNING (its
 * start-up is reported apart) and stops at the first of two consecutive looks that find no lag on
 * the raw topics and on the application's internal topics.
 */
public final class StreamsPhase {

  /** A Kafka Streams application as the phase sees it. */
  public interface App {
    void start();

    boolean awaitRunning(Duration timeout) throws InterruptedException;

    /** The Kafka Streams state, for error messages. */
    String state();
  }

  /** What to run and what to watch. */
  public record Subject(
      String phase,
      String description,
      App app,
      String groupId,
      Collection<String> rawTopics,
      Collection<String> internalTopics) {}

  /** Kafka Streams states from which an application will not process anything more. */
  static final Set<String> STOPPED_STATES =
      Set.of("PENDING_ERROR", "ERROR", "PENDING_SHUTDOWN", "NOT_RUNNING");

  static final Duration LOOK_INTERVAL = Duration.ofMillis(50);
  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

  private final ConsumerGroupLag lag;
  private final TopicAppends appends;
  private final Duration timeout;

  /**
   * @param timeout how long the application may take to process everything before the phase fails
   */
  public StreamsPhase(ConsumerGroupLag lag, TopicAppends appends, Duration timeout) {
    this.lag = lag;
    this.appends = appends;
    this.timeout = timeout;
  }

  /**
   * Starts the subject's application and waits until it has processed {@code records} raw records;
   * leaves it running (the caller closes it, after probing memory if it wants).
   *
   * @throws IllegalStateException if it does not start or does not catch up in time
   */
  public ThroughputFigures run(Subject subject, long records, Progress progress)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, Long> endsBefore = appends.snapshot();
    PhaseClock startup = PhaseClock.start();
    subject.app().start();
    if (!subject.app().awaitRunning(STARTUP_TIMEOUT)) {
      throw new IllegalStateException(
          subject.phase()
              + ": the application did not start within "
              + STARTUP_TIMEOUT
              + " (state "
              + subject.app().state()
              + ")");
    }
    double startupSeconds = startup.wallSeconds();
    PhaseClock clock = PhaseClock.start();
    List<String> watched = new ArrayList<>(subject.rawTopics());
    watched.addAll(subject.internalTopics());
    long deadline = System.nanoTime() + timeout.toNanos();
    double drainedAt = -1;
    double cpuAtDrain = Double.NaN;
    double clientCpuAtDrain = Double.NaN;
    while (true) {
      Map<String, Long> behind = lag.byTopic(subject.groupId(), watched);
      long rawLag = subject.rawTopics().stream().mapToLong(behind::get).sum();
      long total = behind.values().stream().mapToLong(Long::longValue).sum();
      progress.update(Math.max(0, records - rawLag));
      if (total == 0 && drainedAt >= 0) {
        break; // second look in a row: nothing was still on its way
      }
      if (total == 0) {
        drainedAt = clock.wallSeconds();
        cpuAtDrain = clock.cpuSeconds();
        // Kafka names every thread of an application after its id; the phase started them all.
        clientCpuAtDrain = ThreadCpu.secondsOfThreadsNamed(subject.groupId());
      } else {
        drainedAt = -1;
      }
      if (STOPPED_STATES.contains(subject.app().state())) {
        throw new IllegalStateException(
            subject.phase()
                + ": the application stopped (state "
                + subject.app().state()
                + ") with "
                + total
                + " records still unprocessed; its log says why");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            subject.phase()
                + ": did not process everything within "
                + timeout
                + "; "
                + total
                + " records still behind (state "
                + subject.app().state()
                + ")");
      }
      Thread.sleep(LOOK_INTERVAL.toMillis());
    }
    progress.finish();
    Map<String, Long> appended = new TreeMap<>();
    // Internal topics are named after the application id: what follows it names the store.
    String internalPrefix = subject.groupId() + "-";
    appends
        .since(endsBefore)
        .forEach(
            (topic, count) ->
                appended.put(
                    topic.startsWith(internalPrefix)
                        ? topic.substring(internalPrefix.length())
                        : topic,
                    count));
    return new ThroughputFigures(
        subject.phase(),
        subject.description(),
        records,
        drainedAt,
        cpuAtDrain,
        clientCpuAtDrain,
        startupSeconds,
        appended);
  }
}
