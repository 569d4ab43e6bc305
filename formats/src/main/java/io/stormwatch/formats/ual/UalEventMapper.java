package io.stormwatch.formats.ual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.AuditTimestamps;
import io.stormwatch.formats.common.InvalidRecordException;
import io.stormwatch.formats.common.IpAddresses;
import io.stormwatch.formats.common.JsonValues;
import io.stormwatch.formats.common.LenientNumbers;
import io.stormwatch.formats.common.RejectionType;
import io.stormwatch.formats.common.RequiredFields;
import io.stormwatch.formats.common.TextSnippets;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.EventSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Maps one Unified Audit Log record (a parsed JSON object) to a normalised {@link AuditEvent}.
 *
 * <p>Required: {@code Id}, {@code OrganizationId}, {@code UserId}, {@code CreationTime}, {@code
 * Operation}. Every other field is optional and read leniently: numbers may be strings, IPs may
 * carry ports or be junk (then null), unknown operations are kept as {@link EventKind#OTHER}. The
 * kind is decided by {@code Operation}, not by {@code RecordType} alone: RecordType 50 also carries
 * {@code AttachmentAccess}, which is not a mailbox read the burst rule should count. Records that
 * grant a permission (an OAuth grant to an app, a mailbox or folder delegation) also say what was
 * granted to whom ({@link PermissionGrant}). Thread-safe.
 */
public final class UalEventMapper {
  /** RecordType of OWAAuth, the Outlook on the web token-issuance record. */
  public static final int OWA_AUTH_RECORD_TYPE = 275;

  /** RecordType of ExchangeAdmin: an Exchange cmdlet run, with its Parameters. */
  public static final int EXCHANGE_ADMIN_RECORD_TYPE = 1;

  /** The cmdlets that create or change an inbox rule; their records are ExchangeAdmin ones. */
  private static final Set<String> INBOX_RULE_CMDLETS =
      Set.of("new-inboxrule", "set-inboxrule", "enable-inboxrule");

  /** What Exchange writes when Outlook (MAPI) or an EWS client changes an inbox rule. */
  private static final String UPDATE_INBOX_RULES = "UpdateInboxRules";

  /**
   * Every top-level field {@link #toEvent} reads. A record may be read with only these (and the
   * length of {@link #ARRAYS_COUNTED}): a field read here but missing from this set would read as
   * absent, which {@code SelectiveReadingTest} guards against.
   */
  public static final Set<String> FIELDS_READ =
      withGrantFields(
          "Id",
          "OrganizationId",
          "UserId",
          "CreationTime",
          "Operation",
          "RecordType",
          "AppAccessContext",
          "OperationProperties",
          "UniqueTokenId",
          "UniqueTokenIdentifier",
          "SessionId",
          "ClientAppId",
          "AppId",
          "MailboxOwnerUPN",
          "OperationCount",
          "ClientIPAddress",
          "ClientIP",
          "ClientInfoString",
          "UserAgent",
          "ExtendedProperties",
          "Parameters",
          // telling another log's record apart
          "records",
          "category",
          "properties",
          "time",
          "createdDateTime",
          "userPrincipalName");

  /** The fields named, and those {@link PermissionGrant} reads. */
  private static Set<String> withGrantFields(String... fields) {
    Set<String> all = new HashSet<>(Arrays.asList(fields));
    all.addAll(PermissionGrant.FIELDS_READ);
    return Set.copyOf(all);
  }

  /** Top-level arrays of which {@link #toEvent} reads only the length. */
  public static final Set<String> ARRAYS_COUNTED = Set.of("Folders");

  private final ObjectMapper json;

  /**
   * Creates a mapper.
   *
   * @param json the mapper used for fields that carry JSON inside a string
   */
  public UalEventMapper(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  /**
   * Normalises a UAL record.
   *
   * @param record the record's JSON
   * @return the event
   * @throws InvalidRecordException when the record is not an object, lacks a required field or has
   *     an unreadable CreationTime
   */
  public AuditEvent toEvent(JsonNode record) throws InvalidRecordException {
    if (record == null || !record.isObject()) {
      throw new InvalidRecordException(
          RejectionType.NOT_AN_OBJECT,
          "a UAL record must be a JSON object, got " + JsonValues.describeType(record));
    }
    rejectOtherShapes(record);
    RequiredFields required = new RequiredFields();
    String id = required.text(record.get("Id"), "Id");
    String tenant = required.text(record.get("OrganizationId"), "OrganizationId");
    String user = required.text(record.get("UserId"), "UserId");
    String creationTime = required.text(record.get("CreationTime"), "CreationTime");
    String operation = required.text(record.get("Operation"), "Operation");
    required.check();

    Instant eventTime =
        AuditTimestamps.parse(creationTime)
            .orElseThrow(
                () ->
                    new InvalidRecordException(
                        RejectionType.BAD_TIME,
                        "CreationTime " + TextSnippets.quote(creationTime) + " is not a time"));
    Integer recordType = boxed(LenientNumbers.intValue(record.get("RecordType")));
    JsonNode appAccess = record.get("AppAccessContext");
    MailAccessProperties mailAccess =
        MailAccessProperties.read(record.get("OperationProperties"), json);
    EventKind kind = kindOf(operation, recordType);

    AuditEvent.Builder event =
        AuditEvent.newBuilder()
            .setEventId(id)
            .setSource(EventSource.UNIFIED_AUDIT_LOG)
            .setKind(kind)
            .setOperation(operation)
            .setRecordType(recordType)
            .setTenantId(tenant.toLowerCase(Locale.ROOT))
            .setAccountId(user.toLowerCase(Locale.ROOT))
            .setEventTime(eventTime.truncatedTo(ChronoUnit.MILLIS))
            .setClientIp(clientIp(record))
            .setAsn(null)
            .setAsOrganisation(null)
            .setCountry(null)
            .setUniqueTokenId(
                firstNonBlank(
                    field(appAccess, "UniqueTokenId"),
                    record.get("UniqueTokenId"),
                    record.get("UniqueTokenIdentifier")))
            .setSessionId(firstNonBlank(field(appAccess, "AADSessionId"), record.get("SessionId")))
            .setClientAppId(
                lowerCase(
                    firstNonBlank(
                        record.get("ClientAppId"),
                        field(appAccess, "ClientAppId"),
                        record.get("AppId"))))
            .setResourceId(null)
            .setUserAgent(userAgent(record))
            .setMailboxOwner(JsonValues.lowerCaseText(record.get("MailboxOwnerUPN")))
            .setMailAccessType(mailAccess.mailAccessType())
            .setOperationCount(
                Math.max(0, LenientNumbers.intValue(record.get("OperationCount")).orElse(0)))
            .setFolderCount(folderCount(record.get("Folders")))
            .setThrottled(mailAccess.throttled())
            .setInteractive(null)
            .setSucceeded(null)
            .setTokenIssuedAt(tokenIssuedAt(appAccess))
            .setParameters(parameters(kind, operation, record));
    PermissionGrant.read(operation, record, json).ifPresent(grant -> grant.applyTo(event));
    return event.build();
  }

  /**
   * Reads a UAL record's tenant for routing, without validating the rest of the record.
   *
   * @param record a UAL record
   * @return OrganizationId in lower case, or null when absent
   */
  public static String tenantIdOf(JsonNode record) {
    return JsonValues.lowerCaseText(record.get("OrganizationId"));
  }

  /**
   * Reads a UAL record's event time for ordering, without validating the rest of the record.
   *
   * @param record a UAL record
   * @return CreationTime, or null when absent or unreadable
   */
  public static Instant eventTimeOf(JsonNode record) {
    return AuditTimestamps.parse(JsonValues.scalarText(record.get("CreationTime"))).orElse(null);
  }

  /** Names the shape when another log's record arrives here, instead of listing missing fields. */
  private static void rejectOtherShapes(JsonNode record) throws InvalidRecordException {
    if (record.has("CreationTime") || record.has("Operation")) {
      return;
    }
    if (record.path("records").isArray()) {
      throw new InvalidRecordException(
          RejectionType.UNSUPPORTED_SHAPE,
          "an Event Hub envelope {\"records\":[...]}, not a UAL record");
    }
    if (record.has("category") && (record.has("properties") || record.has("time"))
        || record.has("createdDateTime") && record.has("userPrincipalName")) {
      throw new InvalidRecordException(
          RejectionType.UNSUPPORTED_SHAPE,
          "an Entra ID sign-in record (category/properties/createdDateTime), not a UAL record");
    }
  }

  private static EventKind kindOf(String operation, Integer recordType) {
    if ("MailItemsAccessed".equalsIgnoreCase(operation)) {
      return EventKind.MAIL_ITEMS_ACCESSED;
    }
    if ("OWAAuth".equalsIgnoreCase(operation)
        || recordType != null && recordType == OWA_AUTH_RECORD_TYPE) {
      return EventKind.OWA_AUTH;
    }
    if (UPDATE_INBOX_RULES.equalsIgnoreCase(operation)
        || INBOX_RULE_CMDLETS.contains(operation.toLowerCase(Locale.ROOT))) {
      return EventKind.INBOX_RULE;
    }
    if (recordType != null && recordType == EXCHANGE_ADMIN_RECORD_TYPE) {
      return EventKind.EXCHANGE_ADMIN;
    }
    return EventKind.OTHER;
  }

  /**
   * A cmdlet's Parameters; for UpdateInboxRules, its OperationProperties with the cmdlet parameters
   * its actions amount to. Other events keep none.
   */
  private Map<String, String> parameters(EventKind kind, String operation, JsonNode record) {
    if (kind != EventKind.INBOX_RULE && kind != EventKind.EXCHANGE_ADMIN) {
      return Map.of();
    }
    if (UPDATE_INBOX_RULES.equalsIgnoreCase(operation)) {
      return OutlookRuleChange.withCmdletParameters(
          NameValuePairs.read(record.get("OperationProperties"), json), json);
    }
    return NameValuePairs.read(record.get("Parameters"), json);
  }

  /** ClientIPAddress is the more precise field; a junk value there must not hide ClientIP. */
  private static String clientIp(JsonNode record) {
    return IpAddresses.normalise(JsonValues.scalarText(record.get("ClientIPAddress")))
        .or(() -> IpAddresses.normalise(JsonValues.scalarText(record.get("ClientIP"))))
        .orElse(null);
  }

  /** ClientInfoString for Exchange; AAD and PowerBI records name the client elsewhere. */
  private static String userAgent(JsonNode record) {
    String clientInfo = JsonValues.nonBlankText(record.get("ClientInfoString"));
    if (clientInfo != null) {
      return clientInfo;
    }
    String userAgent = JsonValues.nonBlankText(record.get("UserAgent"));
    if (userAgent != null) {
      return userAgent;
    }
    JsonNode extended = record.get("ExtendedProperties");
    if (extended != null && extended.isArray()) {
      for (JsonNode pair : extended) {
        if ("UserAgent".equals(JsonValues.scalarText(pair.get("Name")))) {
          return JsonValues.nonBlankText(pair.get("Value"));
        }
      }
    }
    return null;
  }

  private static Instant tokenIssuedAt(JsonNode appAccess) {
    return AuditTimestamps.parse(JsonValues.scalarText(field(appAccess, "IssuedAtTime")))
        .map(issued -> issued.truncatedTo(ChronoUnit.MILLIS))
        .orElse(null);
  }

  private static int folderCount(JsonNode folders) {
    return folders != null && folders.isArray() ? folders.size() : 0;
  }

  private static JsonNode field(JsonNode parent, String name) {
    return parent != null && parent.isObject() ? parent.get(name) : null;
  }

  private static String firstNonBlank(JsonNode... candidates) {
    for (JsonNode candidate : candidates) {
      String text = JsonValues.nonBlankText(candidate);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private static String lowerCase(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }
}
