package io.stormwatch.ingest.o365;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.AuditJson;
import io.stormwatch.formats.common.JsonValues;
import io.stormwatch.formats.common.TextSnippets;
import io.stormwatch.formats.ual.UalEventMapper;
import io.stormwatch.ingest.json.JsonSlices;
import io.stormwatch.ingest.json.MalformedJsonException;
import io.stormwatch.ingest.sink.SplitRecord;
import io.stormwatch.ingest.sink.SplitRecord.Accepted;
import io.stormwatch.ingest.sink.SplitRecord.Rejected;
import io.stormwatch.ingest.sink.TransactionalSink;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a content blob into its Unified Audit Log records: one raw record each, keyed by the tenant
 * polled, stamped with its {@code CreationTime}, its bytes unchanged.
 */
public final class BlobRecords {

  private static final ObjectMapper JSON = AuditJson.newMapper();

  private BlobRecords() {}

  /**
   * Splits one blob.
   *
   * @param tenant the tenant the blob was listed for: every record's key
   * @param blob the blob as fetched
   * @return one accepted record per UAL record; a rejection per element that is not one (no object,
   *     no readable CreationTime, too large), or one for the whole blob if it is not a JSON array
   */
  public static List<SplitRecord> split(String tenant, byte[] blob) {
    String key = tenant.toLowerCase(Locale.ROOT);
    List<byte[]> elements;
    try {
      elements = JsonSlices.arrayElements(blob);
    } catch (MalformedJsonException e) {
      return List.of(
          new Rejected(
              keepable(blob),
              "MALFORMED_CONTENT",
              "content blob is not a JSON array of records: "
                  + e.getMessage()
                  + cutNote(blob.length)));
    }
    List<SplitRecord> records = new ArrayList<>(elements.size());
    for (byte[] element : elements) {
      records.add(record(key, element));
    }
    return records;
  }

  private static SplitRecord record(String key, byte[] element) {
    if (element.length > TransactionalSink.MAX_RECORD_BYTES) {
      return new Rejected(
          keepable(element),
          "RECORD_TOO_LARGE",
          "a record of "
              + element.length
              + " bytes is larger than a raw topic takes"
              + cutNote(element.length));
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
          "a content blob element must be a UAL record object, got "
              + JsonValues.describeType(record));
    }
    Instant time = UalEventMapper.eventTimeOf(record);
    if (time == null) {
      return new Rejected(
          element,
          "NO_EVENT_TIME",
          "CreationTime "
              + TextSnippets.quote(JsonValues.scalarText(record.get("CreationTime")))
              + " is missing or not a time");
    }
    return new Accepted(key, time, element);
  }

  private static byte[] keepable(byte[] bytes) {
    return bytes.length <= TransactionalSink.MAX_RECORD_BYTES
        ? bytes
        : Arrays.copyOf(bytes, TransactionalSink.MAX_RECORD_BYTES);
  }

  private static String cutNote(int length) {
    return length <= TransactionalSink.MAX_RECORD_BYTES
        ? ""
        : "; the first " + TransactionalSink.MAX_RECORD_BYTES + " of " + length + " bytes are kept";
  }
}
