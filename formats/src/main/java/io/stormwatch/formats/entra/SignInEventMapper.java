package io.stormwatch.formats.entra;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Maps one Entra ID sign-in record (a parsed JSON object) to a normalised {@link AuditEvent}.
 *
 * <p>Three shapes are read, each by the same field lookups:
 *
 * <ul>
 *   <li>the Azure Monitor diagnostic record (Event Hub, storage account): envelope fields {@code
 *       time}, {@code category}, {@code tenantId}, {@code callerIpAddress}, {@code resultType} and
 *       the sign-in in {@code properties}; some exports spell the envelope in PascalCase;
 *   <li>the Microsoft Graph {@code signIn} resource: the sign-in's camelCase fields at top level;
 *   <li>a Log Analytics row ({@code SigninLogs}, {@code AADNonInteractiveUserSignInLogs}, ...):
 *       PascalCase columns, with {@code Status} and {@code LocationDetails} as objects or as
 *       strings holding JSON.
 * </ul>
 *
 * <p>Decisions the formats leave open:
 *
 * <ul>
 *   <li>Account: {@code userPrincipalName}, lower case. Service-principal and managed-identity
 *       sign-ins have no user; their account is {@code serviceprincipal:<servicePrincipalId>}, or
 *       {@code serviceprincipal:<appId>} when a service-principal category lacks the id, so that
 *       they never collide with a UPN.
 *   <li>Tenant: the envelope's {@code tenantId}; in Log Analytics {@code AADTenantId} first,
 *       because there {@code TenantId} is the workspace id; then the sign-in's {@code tenantId},
 *       {@code resourceTenantId} (the tenant whose log it is, which differs from {@code
 *       homeTenantId} for guests) and {@code homeTenantId}.
 *   <li>Country: only the structured {@code location.countryOrRegion} (or {@code LocationDetails});
 *       the diagnostic envelope's bare {@code location} is not used.
 *   <li>ASN 0 means unknown and is written as null.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class SignInEventMapper {
  /** The operation given to Graph {@code signIn} resources, which carry no category. */
  public static final String GRAPH_SIGN_IN_OPERATION = "SignIn";

  private static final String SERVICE_PRINCIPAL_PREFIX = "serviceprincipal:";

  private final ObjectMapper json;

  /**
   * Creates a mapper.
   *
   * @param json the mapper used for columns that carry JSON inside a string
   */
  public SignInEventMapper(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  /**
   * Normalises a sign-in record.
   *
   * @param record the record's JSON
   * @return the event
   * @throws InvalidRecordException when the record is not an object, lacks an id, tenant, account
   *     or time, or its time is unreadable
   */
  public AuditEvent toEvent(JsonNode record) throws InvalidRecordException {
    if (record == null || !record.isObject()) {
      throw new InvalidRecordException(
          RejectionType.NOT_AN_OBJECT,
          "a sign-in record must be a JSON object, got " + JsonValues.describeType(record));
    }
    JsonNode signIn = signInOf(record);
    rejectOtherShapes(record, signIn);

    String category = JsonValues.nonBlankText(first(record, "category", "Category"));
    if (category == null) {
      category = JsonValues.nonBlankText(first(signIn, "category", "Category"));
    }
    RequiredFields required = new RequiredFields();
    String id = required.text(first(signIn, "id", "Id"), "id");
    String tenant = tenantId(record, signIn);
    if (tenant == null) {
      required.missing("tenantId");
    }
    String account = accountId(signIn, category);
    if (account == null) {
      required.missing("userPrincipalName (or servicePrincipalId)");
    }
    String timeField = "createdDateTime";
    JsonNode timeNode = first(signIn, "createdDateTime", "CreatedDateTime");
    if (JsonValues.nonBlankText(timeNode) == null) {
      timeField = "time";
      timeNode = first(record, "time", "Time", "TimeGenerated");
    }
    String time = required.text(timeNode, "createdDateTime (or time)");
    required.check();

    String timeText = time;
    String timeName = timeField;
    Instant eventTime =
        AuditTimestamps.parse(time)
            .orElseThrow(
                () ->
                    new InvalidRecordException(
                        RejectionType.BAD_TIME,
                        timeName + " " + TextSnippets.quote(timeText) + " is not a time"));

    return AuditEvent.newBuilder()
        .setEventId(id)
        .setSource(EventSource.ENTRA_SIGN_IN)
        .setKind(EventKind.SIGN_IN)
        .setOperation(category != null ? category : GRAPH_SIGN_IN_OPERATION)
        .setRecordType(null)
        .setTenantId(tenant)
        .setAccountId(account)
        .setEventTime(eventTime.truncatedTo(ChronoUnit.MILLIS))
        .setClientIp(clientIp(record, signIn))
        .setAsn(asn(signIn))
        .setAsOrganisation(null)
        .setCountry(country(signIn))
        .setUniqueTokenId(
            JsonValues.nonBlankText(
                first(signIn, "uniqueTokenIdentifier", "UniqueTokenIdentifier")))
        .setSessionId(JsonValues.nonBlankText(first(signIn, "sessionId", "SessionId")))
        .setClientAppId(JsonValues.lowerCaseText(first(signIn, "appId", "AppId")))
        .setResourceId(resourceId(signIn))
        .setUserAgent(JsonValues.nonBlankText(first(signIn, "userAgent", "UserAgent")))
        .setMailboxOwner(null)
        .setMailAccessType(null)
        .setOperationCount(0)
        .setFolderCount(0)
        .setThrottled(false)
        .setInteractive(interactive(signIn, category))
        .setSucceeded(succeeded(record, signIn))
        .setTokenIssuedAt(null)
        .build();
  }

  /**
   * Reads a sign-in's tenant for routing, without validating the rest of the record.
   *
   * @param record a sign-in record in any of the three shapes
   * @return the tenant id in lower case, or null when absent
   */
  public static String tenantIdOf(JsonNode record) {
    return tenantId(record, signInOf(record));
  }

  /**
   * Reads a sign-in's event time for ordering, without validating the rest of the record.
   *
   * @param record a sign-in record in any of the three shapes
   * @return createdDateTime, else (when that is absent or unreadable) the envelope time; null when
   *     neither is readable
   */
  public static Instant eventTimeOf(JsonNode record) {
    JsonNode signIn = signInOf(record);
    return AuditTimestamps.parse(
            JsonValues.scalarText(first(signIn, "createdDateTime", "CreatedDateTime")))
        .or(
            () ->
                AuditTimestamps.parse(
                    JsonValues.scalarText(first(record, "time", "Time", "TimeGenerated"))))
        .orElse(null);
  }

  /** The object holding the sign-in's own fields: {@code properties}, or the record itself. */
  private static JsonNode signInOf(JsonNode record) {
    JsonNode properties = first(record, "properties", "Properties");
    return properties != null && properties.isObject() ? properties : record;
  }

  /** Names the shape when a UAL record arrives here, instead of listing missing fields. */
  private static void rejectOtherShapes(JsonNode record, JsonNode signIn)
      throws InvalidRecordException {
    if (signIn == record && record.has("CreationTime") && record.has("RecordType")) {
      throw new InvalidRecordException(
          RejectionType.UNSUPPORTED_SHAPE,
          "a Unified Audit Log record (CreationTime/RecordType), not an Entra ID sign-in");
    }
  }

  private static String tenantId(JsonNode record, JsonNode signIn) {
    String tenant = JsonValues.lowerCaseText(first(record, "AADTenantId", "tenantId", "TenantId"));
    if (tenant == null) {
      tenant =
          JsonValues.lowerCaseText(
              first(
                  signIn,
                  "tenantId",
                  "TenantId",
                  "resourceTenantId",
                  "ResourceTenantId",
                  "homeTenantId",
                  "HomeTenantId"));
    }
    return tenant;
  }

  private static String accountId(JsonNode signIn, String category) {
    String upn = JsonValues.lowerCaseText(first(signIn, "userPrincipalName", "UserPrincipalName"));
    if (upn != null) {
      return upn;
    }
    String servicePrincipal =
        JsonValues.lowerCaseText(first(signIn, "servicePrincipalId", "ServicePrincipalId"));
    if (servicePrincipal != null) {
      return SERVICE_PRINCIPAL_PREFIX + servicePrincipal;
    }
    String app = JsonValues.lowerCaseText(first(signIn, "appId", "AppId"));
    if (app != null && isServicePrincipalCategory(category)) {
      return SERVICE_PRINCIPAL_PREFIX + app;
    }
    return null;
  }

  private static boolean isServicePrincipalCategory(String category) {
    if (category == null) {
      return false;
    }
    String lower = category.toLowerCase(Locale.ROOT);
    return lower.contains("serviceprincipal") || lower.contains("managedidentity");
  }

  /** The sign-in's own ipAddress; the envelope's callerIpAddress only when that is unusable. */
  private static String clientIp(JsonNode record, JsonNode signIn) {
    return IpAddresses.normalise(
            JsonValues.scalarText(first(signIn, "ipAddress", "IPAddress", "IpAddress")))
        .or(
            () ->
                IpAddresses.normalise(
                    JsonValues.scalarText(first(record, "callerIpAddress", "CallerIpAddress"))))
        .orElse(null);
  }

  private static Long asn(JsonNode signIn) {
    OptionalLong asn =
        LenientNumbers.longValue(first(signIn, "autonomousSystemNumber", "AutonomousSystemNumber"));
    return asn.isPresent() && asn.getAsLong() > 0 ? asn.getAsLong() : null;
  }

  private String country(JsonNode signIn) {
    for (String name : new String[] {"location", "LocationDetails", "Location"}) {
      JsonNode location = objectOrJsonString(signIn.get(name));
      if (location != null) {
        String country =
            JsonValues.nonBlankText(first(location, "countryOrRegion", "CountryOrRegion"));
        return country == null ? null : country.toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** The resource's app id; Azure resource paths ({@code /tenants/...}) are a different thing. */
  private static String resourceId(JsonNode signIn) {
    for (String name : new String[] {"resourceIdentity", "ResourceIdentity", "resourceId"}) {
      String value = JsonValues.nonBlankText(signIn.get(name));
      if (value != null && !value.startsWith("/")) {
        return value;
      }
    }
    return null;
  }

  private static Boolean interactive(JsonNode signIn, String category) {
    Boolean flag = JsonValues.bool(first(signIn, "isInteractive", "IsInteractive")).orElse(null);
    if (flag != null || category == null) {
      return flag;
    }
    if (category.equalsIgnoreCase("SignInLogs")) {
      return Boolean.TRUE;
    }
    return isServicePrincipalCategory(category)
            || category.equalsIgnoreCase("NonInteractiveUserSignInLogs")
        ? Boolean.FALSE
        : null;
  }

  private Boolean succeeded(JsonNode record, JsonNode signIn) {
    JsonNode status = objectOrJsonString(first(signIn, "status", "Status"));
    if (status != null) {
      OptionalLong errorCode = LenientNumbers.longValue(first(status, "errorCode", "ErrorCode"));
      if (errorCode.isPresent()) {
        return errorCode.getAsLong() == 0;
      }
    }
    JsonNode resultType = first(record, "resultType", "ResultType");
    if (resultType == null) {
      resultType = first(signIn, "resultType", "ResultType");
    }
    OptionalLong result = LenientNumbers.longValue(resultType);
    return result.isPresent() ? result.getAsLong() == 0 : null;
  }

  /** Log Analytics writes some dynamic columns as strings holding JSON; only those are parsed. */
  private JsonNode objectOrJsonString(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isObject()) {
      return value;
    }
    if (value.isTextual() && value.textValue().strip().startsWith("{")) {
      try {
        JsonNode parsed = json.readTree(value.textValue());
        return parsed != null && parsed.isObject() ? parsed : null;
      } catch (JsonProcessingException notJson) {
        return null;
      }
    }
    return null;
  }

  /** The first of the named fields that is present and not JSON null. */
  private static JsonNode first(JsonNode object, String... names) {
    for (String name : names) {
      JsonNode value = object.get(name);
      if (value != null && !value.isNull()) {
        return value;
      }
    }
    return null;
  }
}
