package io.stormwatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.ParseResult.Rejected;
import io.stormwatch.schemas.avro.AuditEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Test fixtures: hand-written records in Microsoft's formats, and ways to vary them. */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The bytes of {@code src/test/resources/fixtures/<path>}, exactly as stored. */
  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture as a tree (a record, an array or an envelope). */
  public static JsonNode tree(String path) {
    try {
      return JSON.readTree(bytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture as an editable record. */
  public static Edit record(String path) {
    try {
      return new Edit((ObjectNode) JSON.readTree(bytes(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single event of a result list, failing with the rejection when there is one. */
  public static AuditEvent parsedEvent(List<ParseResult> results) {
    assertThat(results).hasSize(1);
    assertThat(results.get(0)).isInstanceOf(Parsed.class);
    return ((Parsed) results.get(0)).event();
  }

  /** The single rejection of a result list. */
  public static Rejected rejection(List<ParseResult> results) {
    assertThat(results).hasSize(1);
    assertThat(results.get(0)).isInstanceOf(Rejected.class);
    return (Rejected) results.get(0);
  }

  /** A record being varied for one test: fields set, replaced or removed. */
  public static final class Edit {
    private final ObjectNode record;

    private Edit(ObjectNode record) {
      this.record = record;
    }

    /** Removes a top-level field, or a nested one given as {@code parent.child}. */
    public Edit without(String field) {
      int dot = field.indexOf('.');
      if (dot < 0) {
        record.remove(field);
      } else {
        ((ObjectNode) record.get(field.substring(0, dot))).remove(field.substring(dot + 1));
      }
      return this;
    }

    /** Sets a top-level field, or a nested one given as {@code parent.child}, to a JSON value. */
    public Edit withJson(String field, String json) {
      try {
        JsonNode value = JSON.readTree(json);
        int dot = field.indexOf('.');
        if (dot < 0) {
          record.set(field, value);
        } else {
          ((ObjectNode) record.get(field.substring(0, dot))).set(field.substring(dot + 1), value);
        }
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Sets a field to a string. */
    public Edit with(String field, String text) {
      try {
        return withJson(field, JSON.writeValueAsString(text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The edited record as compact JSON bytes. */
    public byte[] bytes() {
      try {
        return JSON.writeValueAsBytes(record);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The edited record as a tree (a copy). */
    public ObjectNode tree() {
      return record.deepCopy();
    }
  }
}
