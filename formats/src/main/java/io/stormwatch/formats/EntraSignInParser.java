package io.stormwatch.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.AuditJson;
import io.stormwatch.formats.common.RecordLimits;
import io.stormwatch.formats.entra.SignInEventMapper;
import java.util.List;
import java.util.Set;

/**
 * Parses Kafka messages of Entra ID sign-in records into normalised events.
 *
 * <p>A message holds one sign-in (Azure Monitor diagnostic record, Graph {@code signIn} resource or
 * Log Analytics row), a JSON array of them, an Event Hub envelope {@code {"records":[...]}} or a
 * Graph page {@code {"value":[...]}}. Every record yields exactly one result; an empty array or
 * envelope yields an empty list. Thread-safe; create one and share it.
 */
public final class EntraSignInParser {
  private final RecordMessageReader reader;

  /** Creates a parser with the {@linkplain RecordLimits#DEFAULTS default limits}. */
  public EntraSignInParser() {
    this(RecordLimits.DEFAULTS);
  }

  /**
   * Creates a parser.
   *
   * @param limits sizes, nesting and array lengths beyond which records are rejected
   */
  public EntraSignInParser(RecordLimits limits) {
    ObjectMapper json = AuditJson.newMapper();
    this.reader =
        new RecordMessageReader(
            json, limits, new SignInEventMapper(json)::toEvent, Set.of("records", "value"));
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
