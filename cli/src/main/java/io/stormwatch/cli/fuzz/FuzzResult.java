package io.stormwatch.cli.fuzz;

import io.stormwatch.sim.hostile.HostileClass;
import io.stormwatch.traffic.replay.ReplayReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What a fuzz run found, every record accounted for per class: each record read was normalised,
 * dead-lettered with a reason, or dropped as a duplicate, each of the three counted on its own (the
 * normalised topic, the dead-letter topic, the duplicates the generator made).
 *
 * @param classes one row per class, in class order
 * @param unattributedEvents normalised events whose id names no class (there should be none)
 * @param unattributedDeadLetters dead letters traced to no message or file (there should be none)
 * @param streamsDeadLetters records Kafka Streams dead-lettered itself after an exception in the
 *     topology: a record the detector's own code could not handle (there should be none)
 * @param late normalised events that were also sent to the late topic
 * @param alertsByRule alert incidents raised, per rule
 * @param detectorState the detector's state at the end: a stream thread that failed leaves ERROR
 * @param failure why the run stopped before everything was processed, or null
 * @param replay the replay of the hostile files
 * @param peakHeapBytes the most heap in use, sampled, over the whole run in this JVM
 * @param maxHeapBytes the heap limit
 * @param publishing starting the broker, generating and publishing the messages, replaying the
 *     files
 * @param processing from the detector's start until it had processed everything
 */
public record FuzzResult(
    List<ClassTally> classes,
    long unattributedEvents,
    long unattributedDeadLetters,
    long streamsDeadLetters,
    long late,
    Map<String, Long> alertsByRule,
    KafkaStreams.State detectorState,
    String failure,
    ReplayReport replay,
    long peakHeapBytes,
    long maxHeapBytes,
    Duration publishing,
    Duration processing) {

  /**
   * One class of hostile input.
   *
   * @param messages raw messages sent (for replayed files: records read from the file)
   * @param records records they held
   * @param normalised of which reached the normalised topic
   * @param deadLettered of which reached the dead-letter topic
   * @param duplicates of which were re-deliveries the generator made
   * @param deadLettersByType dead letters per error type, most frequent first
   */
  public record ClassTally(
      HostileClass hostileClass,
      long messages,
      long records,
      long normalised,
      long deadLettered,
      long duplicates,
      Map<String, Long> deadLettersByType) {

    public boolean accountedFor() {
      return records == normalised + deadLettered + duplicates;
    }
  }

  public FuzzResult {
    classes = List.copyOf(classes);
    alertsByRule = Map.copyOf(alertsByRule);
  }

  public long read() {
    return classes.stream().mapToLong(ClassTally::records).sum();
  }

  public long normalised() {
    return classes.stream().mapToLong(ClassTally::normalised).sum() + unattributedEvents;
  }

  public long deadLettered() {
    return classes.stream().mapToLong(ClassTally::deadLettered).sum() + unattributedDeadLetters;
  }

  public long duplicates() {
    return classes.stream().mapToLong(ClassTally::duplicates).sum();
  }

  /** Stream-thread failures: the detector stopped (it shuts down on the first). */
  public int crashes() {
    return detectorState == KafkaStreams.State.RUNNING
            || detectorState == KafkaStreams.State.REBALANCING
        ? 0
        : 1;
  }

  /** Every record in exactly one place, in total and in every class. */
  public boolean accountedFor() {
    return failure == null
        && read() == normalised() + deadLettered() + duplicates()
        && classes.stream().allMatch(ClassTally::accountedFor)
        && unattributedEvents == 0
        && unattributedDeadLetters == 0
        && streamsDeadLetters == 0;
  }

  /** No crash, nothing unaccounted for. */
  public boolean passed() {
    return crashes() == 0 && accountedFor();
  }
}
