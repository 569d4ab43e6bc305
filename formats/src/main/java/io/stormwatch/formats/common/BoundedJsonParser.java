package io.stormwatch.formats.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A parser that stops with a {@link LimitExceededException} as soon as the record breaks a nesting
 * or array limit, before a tree of it is built. Every way of moving on (tokens, values, field
 * names, skipped children) goes through {@link #nextToken()}, so nothing is read unchecked.
 */
public final class BoundedJsonParser extends JsonParserDelegate {

  private final StructureLimits limits;

  BoundedJsonParser(JsonParser parser, StructureLimits limits) {
    super(parser);
    this.limits = limits;
  }

  /** A parser of {@code record} that enforces {@code limits}. */
  public static BoundedJsonParser of(ObjectMapper json, byte[] record, RecordLimits limits)
      throws IOException {
    return new BoundedJsonParser(json.createParser(record), new StructureLimits(limits));
  }

  /**
   * Reads {@code record} in full, as {@link ObjectMapper#readTree(byte[])} would, under {@code
   * limits}.
   *
   * @throws LimitExceededException if the record breaks a limit
   * @throws IOException if it is not one well-formed JSON value
   */
  public static JsonNode readTree(ObjectMapper json, byte[] record, RecordLimits limits)
      throws IOException {
    try (JsonParser parser = of(json, record, limits)) {
      JsonNode tree = json.readTree(parser);
      return tree == null ? json.missingNode() : tree;
    }
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = delegate.nextToken();
    if (token != null) {
      StructureLimits.Violation violation = limits.accept(token);
      if (violation != null) {
        throw new LimitExceededException(violation);
      }
    }
    return token;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.FIELD_NAME ? nextToken() : token;
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken current = currentToken();
    if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
      return this;
    }
    int open = 1;
    while (open > 0) {
      JsonToken token = nextToken();
      if (token == null) {
        return this;
      }
      if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
    }
    return this;
  }
}
