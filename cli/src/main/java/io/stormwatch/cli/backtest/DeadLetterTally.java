package io.stormwatch.cli.backtest;

import io.stormwatch.cli.pipeline.CommittedTopicReader;
import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The dead-letter topic read to its end and counted: per error type with the most frequent reason,
 * and per stage — the replay's (records that never reached a topic, so without partition and
 * offset), the normaliser's (records from a raw topic), any later stage's.
 *
 * @param total records on the topic
 * @param fromRawTopics records the normaliser rejected
 * @param fromOtherTopics records a later stage rejected
 * @param fromReplay records the replay rejected before sending (unreadable, untimeable)
 * @param byType per error type, most frequent first
 */
public record DeadLetterTally(
    long total, long fromRawTopics, long fromOtherTopics, long fromReplay, List<TypeCount> byType) {

  private static final int MAX_REASONS_PER_TYPE = 1000;
  private static final String OTHER_REASONS = "(other reasons)";

  /**
   * One error type.
   *
   * @param errorType e.g. {@code missing-field}
   * @param count records of this type
   * @param topReason the most frequent reason given for it
   * @param topReasonCount how many records gave that reason
   */
  public record TypeCount(String errorType, long count, String topReason, long topReasonCount) {}

  /**
   * Reads the committed dead letters of {@code topic}.
   *
   * @param rawTopics the raw topics: dead letters from them are the normaliser's
   */
  public static DeadLetterTally read(
      Map<String, Object> clientConfig, String topic, Set<String> rawTopics) {
    Counting counting = new Counting(rawTopics);
    long total = new CommittedTopicReader(clientConfig).readToEnd(topic, counting);
    long fromRaw = counting.fromRaw;
    long fromReplay = counting.fromReplay;
    Map<String, Map<String, Long>> reasonsByType = counting.reasonsByType;
    List<TypeCount> byType = new ArrayList<>();
    reasonsByType.forEach(
        (type, reasons) -> {
          long count = reasons.values().stream().mapToLong(Long::longValue).sum();
          var top =
              reasons.entrySet().stream()
                  .max(
                      Map.Entry.<String, Long>comparingByValue()
                          .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                  .orElseThrow();
          byType.add(new TypeCount(type, count, top.getKey(), top.getValue()));
        });
    byType.sort(
        Comparator.comparingLong(TypeCount::count).reversed().thenComparing(TypeCount::errorType));
    return new DeadLetterTally(total, fromRaw, total - fromRaw - fromReplay, fromReplay, byType);
  }

  /** Counts dead letters by origin, and their reasons by error type. */
  private static final class Counting implements Consumer<ConsumerRecord<byte[], byte[]>> {
    private final Set<String> rawTopics;
    final Map<String, Map<String, Long>> reasonsByType = new LinkedHashMap<>();
    long fromRaw;
    long fromReplay;

    Counting(Set<String> rawTopics) {
      this.rawTopics = rawTopics;
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record) {
      DeadLetter letter = DeadLetterHeaders.read(record.headers(), record.value());
      if (letter.getSourcePartition() < 0 && letter.getSourceOffset() < 0) {
        fromReplay++;
      } else if (rawTopics.contains(letter.getSourceTopic())) {
        fromRaw++;
      }
      Map<String, Long> reasons =
          reasonsByType.computeIfAbsent(letter.getErrorType(), t -> new LinkedHashMap<>());
      // Reasons quote values, so a flood of bad records can make each one unique: bound them.
      String reason =
          reasons.size() < MAX_REASONS_PER_TYPE || reasons.containsKey(letter.getReason())
              ? letter.getReason()
              : OTHER_REASONS;
      reasons.merge(reason, 1L, Long::sum);
    }
  }
}
