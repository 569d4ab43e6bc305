package io.stormwatch.cli.chaos;

import java.time.Duration;

/**
 * One disturbance of a chaos run, applied once the detectors' committed progress on the raw topics
 * has reached {@code atProgress} of the input, and then {@code delay} later.
 *
 * <p>Which instance a kill or stop hits is chosen when it happens, with {@code pick}: among the
 * running instances that have unfinished active tasks (all running instances if none has), the one
 * at {@code pick} modulo their number, in instance order. Chosen earlier, it could be an instance
 * the group had left without work, and the fault would disturb nothing.
 *
 * @param kind what is done
 * @param atProgress fraction of the input records committed, between 0 and 1
 * @param delay how long after that
 * @param pick which instance a kill or stop hits, as described above
 */
public record Fault(Kind kind, double atProgress, Duration delay, int pick) {

  /** What a fault does. */
  public enum Kind {
    /** {@code kill -9} of an instance, started again at once on its state directory. */
    KILL_AND_RESTART("kill -9 + restart"),
    /** The broker stopped and started again on its data directory and port. */
    BROKER_RESTART("broker restart"),
    /** A new instance started: the group grows. */
    JOIN("join"),
    /** An instance stopped as Ctrl-C stops it (SIGTERM): closes Kafka Streams, not restarted. */
    STOP("graceful stop"),
    /** {@code kill -9} of an instance, not restarted. */
    KILL("kill -9");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
