package io.stormwatch.detector.normalise;

import io.stormwatch.detector.metrics.PipelineCounters;
import io.stormwatch.detector.metrics.PipelineCounters.Outcome;
import io.stormwatch.detector.topology.AccountKey;
import io.stormwatch.formats.ParseResult;
import io.stormwatch.formats.common.RejectionType;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Normalises raw Microsoft records: parses them with the parser of their source topic, refuses
 * event times outside the {@link EventTimeBounds}, enriches the client IP and forwards each event
 * keyed {@code tenant/account} with its event time as the record timestamp. Records that cannot be
 * normalised go to the dead-letter child with the reason and their origin in headers. Duplicates
 * are dropped next, where the account's state is read (see {@link RecentRecordIds}).
 *
 * <p>Dead letters are stamped with the time they were rejected, not with the raw record's
 * timestamp: a record rejected because it is dated 1970 would otherwise be deleted at once by
 * time-based retention, and one dated 2999 refused by the broker (which accepts timestamps at most
 * an hour ahead by default), failing the stream thread.
 */
public final class NormaliseProcessor implements Processor<byte[], byte[], Object, Object> {

  /** The dead-letter reason of a raw record without a value. */
  public static final String EMPTY_VALUE = "empty-value";

  /** Every dead-letter reason the normaliser writes. */
  public static final List<String> DEAD_LETTER_REASONS =
      Stream.concat(
              Stream.of(EMPTY_VALUE), Stream.of(RejectionType.values()).map(RejectionType::code))
          .toList();

  private final Map<String, RawRecordParser> parsersByTopic;
  private final EventTimeBounds timeBounds;
  private final int maxDeadLetterBytes;
  private final NetworkEnricher enricher;
  private final String eventsChild;
  private final String deadLetterChild;
  private ProcessorContext<Object, Object> context;
  private PipelineCounters counters;

  /**
   * @param maxDeadLetterBytes the largest value a dead letter may carry (the raw message limit): a
   *     larger one, which only a raw topic created with a higher limit can deliver, keeps its first
   *     {@code maxDeadLetterBytes} bytes and says so in the reason
   */
  public NormaliseProcessor(
      Map<String, RawRecordParser> parsersByTopic,
      EventTimeBounds timeBounds,
      int maxDeadLetterBytes,
      NetworkEnricher enricher,
      String eventsChild,
      String deadLetterChild) {
    this.parsersByTopic = Map.copyOf(parsersByTopic);
    this.timeBounds = timeBounds;
    this.maxDeadLetterBytes = maxDeadLetterBytes;
    this.enricher = enricher;
    this.eventsChild = eventsChild;
    this.deadLetterChild = deadLetterChild;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.counters =
        PipelineCounters.of(context.metrics())
            .withOutcomes(Outcome.DEAD_LETTERED)
            .withDeadLetterReasons(DEAD_LETTER_REASONS);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    RecordMetadata origin = context.recordMetadata().orElseThrow();
    if (record.value() == null || record.value().length == 0) {
      deadLetter(record, new byte[0], EMPTY_VALUE, "record has no value", origin);
      return;
    }
    RawRecordParser parser = parsersByTopic.get(origin.topic());
    long now = context.currentSystemTimeMs();
    for (ParseResult result : parser.parse(record.value())) {
      if (result instanceof ParseResult.Parsed parsed) {
        long eventTime = parsed.event().getEventTime().toEpochMilli();
        EventTimeBounds.Refusal refusal = timeBounds.check(eventTime, now);
        if (refusal == null) {
          forward(parsed.event());
        } else {
          deadLetter(record, parsed.recordBytes(), refusal.type().code(), refusal.reason(), origin);
        }
      } else if (result instanceof ParseResult.Rejected rejected) {
        deadLetter(record, rejected.recordBytes(), rejected.errorType(), rejected.reason(), origin);
      }
    }
  }

  private void forward(AuditEvent event) {
    enricher.enrich(event);
    long eventTime = event.getEventTime().toEpochMilli();
    context.forward(
        new Record<Object, Object>(AccountKey.of(event), event, eventTime, new RecordHeaders()),
        eventsChild);
  }

  private void deadLetter(
      Record<byte[], byte[]> raw,
      byte[] value,
      String errorType,
      String reason,
      RecordMetadata origin) {
    byte[] kept = value;
    String why = reason;
    if (value.length > maxDeadLetterBytes) {
      kept = Arrays.copyOf(value, maxDeadLetterBytes);
      why =
          reason
              + " (the first "
              + maxDeadLetterBytes
              + " of its "
              + value.length
              + " bytes are kept; the raw topic holds them all)";
    }
    var headers = new RecordHeaders();
    DeadLetterHeaders.write(
        headers, errorType, why, origin.topic(), origin.partition(), origin.offset());
    context.forward(
        new Record<Object, Object>(raw.key(), kept, context.currentSystemTimeMs(), headers),
        deadLetterChild);
    counters.deadLettered(errorType);
  }
}
