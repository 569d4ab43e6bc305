package io.stormwatch.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.AuditJson;
import io.stormwatch.formats.common.RecordLimits;
import io.stormwatch.formats.ual.UalEventMapper;
import java.util.List;
import java.util.Set;

/**
 * Parses Kafka messages of Unified Audit Log records into normalised events.
 *
 * <p>A message holds one UAL record, or a JSON array of them (a Management Activity API content
 * blob). Every record yields exactly one result; a message that cannot be split yields a rejection
 * for the part that could not be read. An empty array yields an empty list. Thread-safe; create one
 * and share it.
 */
public final class UnifiedAuditLogParser {
  private final RecordMessageReader reader;

  /** Creates a parser with the {@linkplain RecordLimits#DEFAULTS default limits}. */
  public UnifiedAuditLogParser() {
    this(RecordLimits.DEFAULTS);
  }

  /**
   * Creates a parser.
   *
   * @param limits sizes, nesting and array lengths beyond which records are rejected
   */
  public UnifiedAuditLogParser(RecordLimits limits) {
    ObjectMapper json = AuditJson.newMapper();
    this.reader =
        new RecordMessageReader(
            json,
            limits,
            new UalEventMapper(json)::toEvent,
            Set.of(),
            new SelectiveTreeReader(
                json, limits, UalEventMapper.FIELDS_READ, UalEventMapper.ARRAYS_COUNTED));
  }

  /**
   * Parses one message; never throws.
   *
   * @param message the message value, as bytes; may be null
   * @return one result per record, in message order
   */
  public List<ParseResult> parse(byte[] message) {
    return reader.read(message);
  }
}
