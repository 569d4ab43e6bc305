package io.stormwatch.bench.latency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How far the pipeline was behind the offered load while the latency phase ran: the raw records it
 * had not committed yet, sampled at a fixed interval.
 *
 * <p>An alert cannot be appended before the pipeline reaches its causing record. A latency tail
 * that comes with a large backlog is the pipeline falling behind (its work, or anything that stops
 * it: a collection, the broker, other work on the machine); a tail without one is time spent after
 * the record was processed. Under exactly-once the backlog never falls below what one commit
 * interval holds.
 */
public final class BacklogSampler implements AutoCloseable {

  /** Raw records the pipeline has not committed yet, as the broker reports them. */
  @FunctionalInterface
  interface Lag {
    long records() throws Exception;
  }

  /**
   * What the samples showed.
   *
   * @param samples samples taken
   * @param medianRecords the median backlog
   * @param maxRecords the largest backlog
   * @param maxAtSeconds when the largest was sampled, in seconds from the start of sampling
   */
  public record Figures(int samples, long medianRecords, long maxRecords, double maxAtSeconds) {}

  public static final Duration INTERVAL = Duration.ofMillis(250);

  private record Sample(long nanosFromStart, long records) {}

  private final Lag lag;
  private final long startNanos = System.nanoTime();
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "bench-backlog-sampler");
            thread.setDaemon(true);
            return thread;
          });
  private Exception failure;

  private BacklogSampler(Lag lag) {
    this.lag = lag;
  }

  /** Starts sampling {@code lag} every {@code interval}. */
  static BacklogSampler start(Lag lag, Duration interval) {
    BacklogSampler sampler = new BacklogSampler(lag);
    sampler.timer.scheduleWithFixedDelay(
        sampler::sample, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    return sampler;
  }

  /**
   * The samples so far.
   *
   * @throws IllegalStateException if a sample could not be taken
   */
  synchronized Figures figures() {
    if (failure != null) {
      throw new IllegalStateException(
          "sampling the pipeline's backlog failed: " + failure, failure);
    }
    if (samples.isEmpty()) {
      return new Figures(0, 0, 0, 0);
    }
    Sample largest = samples.get(0);
    for (Sample sample : samples) {
      if (sample.records() > largest.records()) {
        largest = sample;
      }
    }
    long[] sorted = samples.stream().mapToLong(Sample::records).sorted().toArray();
    return new Figures(
        samples.size(),
        sorted[sorted.length / 2],
        largest.records(),
        largest.nanosFromStart() / 1e9);
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(10, TimeUnit.SECONDS);
  }

  private void sample() {
    long at = System.nanoTime() - startNanos;
    try {
      long records = lag.records();
      synchronized (this) {
        samples.add(new Sample(at, records));
      }
    } catch (InterruptedException closing) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      synchronized (this) {
        if (failure == null) {
          failure = e;
        }
      }
      throw new IllegalStateException(e); // stops the schedule: one failure is enough to report
    }
  }
}
