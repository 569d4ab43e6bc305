package io.stormwatch.formats.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Builds the Jackson mapper configured for Microsoft audit records. */
public final class AuditJson {
  /**
   * The parser's own nesting limit: a backstop above any {@link RecordLimits#maxNestingDepth()}.
   * The record parsers check that limit themselves, so that a record nested too deeply inside a
   * content blob is rejected alone and the blob's other records are still read.
   */
  static final int PARSER_NESTING_BACKSTOP = RecordLimits.MAX_CONFIGURABLE_NESTING_DEPTH + 1;

  private AuditJson() {}

  /**
   * Creates a mapper for reading audit records; thread-safe once built, meant to be shared.
   *
   * <p>Duplicate keys are accepted and the last one wins, as in the records Microsoft emits;
   * trailing content after a record is an error, so {@code {...} junk} is not silently truncated.
   *
   * @return a new mapper
   */
  public static ObjectMapper newMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(PARSER_NESTING_BACKSTOP).build());
    return mapper;
  }
}
