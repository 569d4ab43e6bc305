package io.stormwatch.cli.backtest;

import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

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
    Map<String, Object> config = new LinkedHashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    Map<String, Map<String, Long>> reasonsByType = new LinkedHashMap<>();
    long total = 0;
    long fromRaw = 0;
    long fromReplay = 0;
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          DeadLetter letter = DeadLetterHeaders.read(record.headers(), record.value());
          total++;
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
}
