package io.stormwatch.ingest.eventhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.AuditJson;
import io.stormwatch.formats.common.JsonValues;
import io.stormwatch.formats.entra.SignInEventMapper;
import io.stormwatch.ingest.json.JsonSlices;
import io.stormwatch.ingest.json.MalformedJsonException;
import io.stormwatch.ingest.sink.SplitRecord;
import io.stormwatch.ingest.sink.SplitRecord.Accepted;
import io.stormwatch.ingest.sink.SplitRecord.Ignored;
import io.stormwatch.ingest.sink.SplitRecord.Rejected;
import io.stormwatch.ingest.sink.TransactionalSink;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Splits an Event Hub message from Entra ID's diagnostic settings into sign-in records: the
 * elements of a {@code {"records":[...]}} envelope, or the message itself when it is one record.
 * Each record is keyed by its tenant and stamped with its event time, read as the detector reads
 * them ({@link SignInEventMapper#tenantIdOf}, {@link SignInEventMapper#eventTimeOf}).
 */
public final class DiagnosticRecords {

  private static final ObjectMapper JSON = AuditJson.newMapper();

  private final Set<String> categories;

  /**
   * @param categories the categories carried; empty carries every category
   */
  public DiagnosticRecords(Set<String> categories) {
    this.categories = Set.copyOf(categories);
  }

  /** Splits one message; never throws. A message that is not JSON is one rejection. */
  public List<SplitRecord> split(byte[] message) {
    if (message == null || message.length == 0) {
      return List.of(new Rejected(new byte[0], "EMPTY_MESSAGE", "the event has no body"));
    }
    List<byte[]> elements;
    try {
      elements = JsonSlices.envelopeElements(message, "records");
    } catch (MalformedJsonException e) {
      return List.of(
          new Rejected(
              message.length <= TransactionalSink.MAX_RECORD_BYTES
                  ? message
                  : Arrays.copyOf(message, TransactionalSink.MAX_RECORD_BYTES),
              "MALFORMED_JSON",
              "the event is not a diagnostic-settings record or envelope: " + e.getMessage()));
    }
    List<SplitRecord> records = new ArrayList<>(elements.size());
    for (byte[] element : elements) {
      records.add(record(element));
    }
    return records;
  }

  private SplitRecord record(byte[] element) {
    if (element.length > TransactionalSink.MAX_RECORD_BYTES) {
      return new Rejected(
          Arrays.copyOf(element, TransactionalSink.MAX_RECORD_BYTES),
          "RECORD_TOO_LARGE",
          "a record of "
              + element.length
              + " bytes is larger than a raw topic takes; the first "
              + TransactionalSink.MAX_RECORD_BYTES
              + " bytes are kept");
    }
    JsonNode record;
    try {
      record = JSON.readTree(element);
    } catch (IOException e) {
      return new Rejected(element, "MALFORMED_RECORD", "record is not JSON: " + e.getMessage());
    }
    if (!record.isObject()) {
      return new Rejected(
          element,
          "NOT_AN_OBJECT",
          "a diagnostic-settings record must be an object, got " + JsonValues.describeType(record));
    }
    String category = JsonValues.nonBlankText(record.get("category"));
    if (!categories.isEmpty() && category != null && !categories.contains(category)) {
      return new Ignored(element, category);
    }
    String tenant = SignInEventMapper.tenantIdOf(record);
    if (tenant == null) {
      return new Rejected(element, "NO_TENANT", "the record has no tenantId");
    }
    Instant time = SignInEventMapper.eventTimeOf(record);
    if (time == null) {
      return new Rejected(
          element,
          "NO_EVENT_TIME",
          "the record has no readable time or properties.createdDateTime");
    }
    return new Accepted(tenant, time, element);
  }
}
