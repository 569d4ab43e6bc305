package io.stormwatch.formats.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.AuditJson;
import io.stormwatch.formats.common.BoundedJsonParser;
import io.stormwatch.formats.common.LimitExceededException;
import io.stormwatch.formats.common.RecordLimits;
import io.stormwatch.formats.common.RejectionType;
import io.stormwatch.formats.entra.SignInEventMapper;
import io.stormwatch.formats.ual.UalEventMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Decides a raw record's kind from its fields and reads its tenant and time for routing.
 *
 * <p>A record with {@code CreationTime}, or an {@code Operation} with {@code RecordType}, {@code
 * Workload} or {@code OrganizationId}, is a UAL record; one with a {@code properties} object, a
 * {@code createdDateTime}, a {@code userPrincipalName} or a sign-in {@code category} is a sign-in
 * (in any casing of those names). Anything else, and anything that is not a JSON object, is {@link
 * RawKind#UNKNOWN}. Validation is left to the parsers, except for the nesting and array limits,
 * which a record is read within.
 */
final class RawRecordFactory {
  private final ObjectMapper json = AuditJson.newMapper();
  private final RecordLimits limits;

  RawRecordFactory(FileLimits limits) {
    this.limits = limits.recordLimits();
  }

  RawRecord fromJson(byte[] bytes, String origin) {
    JsonNode record;
    try {
      record = readObject(bytes);
    } catch (LimitExceededException beyond) {
      return refused(bytes, origin, beyond.type(), beyond.reason());
    }
    if (record == null) {
      return unknown(bytes, origin);
    }
    if (isUnifiedAuditLog(record)) {
      return unifiedAuditLog(record, bytes, origin, null);
    }
    if (isSignIn(record)) {
      return new RawRecord(
          RawKind.ENTRA_SIGN_IN,
          SignInEventMapper.tenantIdOf(record),
          SignInEventMapper.eventTimeOf(record),
          bytes,
          origin);
    }
    return unknown(bytes, origin);
  }

  /** A CSV export's AuditData cell: a UAL record by where it came from, if it is an object. */
  RawRecord fromAuditData(byte[] bytes, String origin, Instant rowTime) {
    JsonNode record;
    try {
      record = readObject(bytes);
    } catch (LimitExceededException beyond) {
      return refused(bytes, origin, beyond.type(), beyond.reason());
    }
    if (record == null) {
      return new RawRecord(RawKind.UNKNOWN, null, rowTime, bytes, origin);
    }
    return unifiedAuditLog(record, bytes, origin, rowTime);
  }

  RawRecord unknown(byte[] bytes, String origin) {
    return new RawRecord(RawKind.UNKNOWN, null, null, bytes, origin);
  }

  /** A record the reader refuses, keeping at most the first {@link FileLimits#KEPT_BYTES}. */
  RawRecord refused(byte[] bytes, String origin, RejectionType type, String reason) {
    byte[] kept =
        bytes.length <= FileLimits.KEPT_BYTES ? bytes : Arrays.copyOf(bytes, FileLimits.KEPT_BYTES);
    return new RawRecord(
        RawKind.UNKNOWN, null, null, kept, origin, new RawRecord.Refusal(type, reason));
  }

  private static RawRecord unifiedAuditLog(
      JsonNode record, byte[] bytes, String origin, Instant fallbackTime) {
    Instant time = UalEventMapper.eventTimeOf(record);
    return new RawRecord(
        RawKind.UNIFIED_AUDIT_LOG,
        UalEventMapper.tenantIdOf(record),
        time != null ? time : fallbackTime,
        bytes,
        origin);
  }

  private JsonNode readObject(byte[] bytes) throws LimitExceededException {
    try {
      JsonNode record = BoundedJsonParser.readTree(json, bytes, limits);
      return record != null && record.isObject() ? record : null;
    } catch (LimitExceededException beyond) {
      throw beyond;
    } catch (IOException | RuntimeException unreadable) {
      // Broken JSON is a normal outcome here: the record is yielded as UNKNOWN.
      return null;
    }
  }

  private static boolean isUnifiedAuditLog(JsonNode record) {
    return record.has("CreationTime")
        || record.has("Operation")
            && (record.has("RecordType") || record.has("Workload") || record.has("OrganizationId"));
  }

  private static boolean isSignIn(JsonNode record) {
    if (record.path("properties").isObject()
        || record.path("Properties").isObject()
        || record.has("createdDateTime")
        || record.has("CreatedDateTime")
        || record.has("userPrincipalName")
        || record.has("UserPrincipalName")) {
      return true;
    }
    String category = record.path("category").asText(record.path("Category").asText(""));
    return category.contains("SignIn");
  }
}
