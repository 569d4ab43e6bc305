package io.stormwatch.traffic.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Rewrites a sign-in from the diagnostic-settings record the simulator writes into the other shapes
 * Microsoft serves the same sign-in in: the Graph {@code signIn} resource and a Log Analytics row.
 */
final class SignInShapes {
  private static final String AAD_PROVIDER = "Microsoft.aadiam";

  private final ObjectMapper json = new ObjectMapper();

  /**
   * The Graph {@code signIn} (beta) of a diagnostic record: its {@code properties}, which carry the
   * resource's own camelCase fields, with times in Graph's {@code Z} form and the event type.
   */
  byte[] graphSignIn(byte[] diagnosticRecord) throws IOException {
    JsonNode record = json.readTree(diagnosticRecord);
    ObjectNode signIn = ((ObjectNode) record.path("properties")).deepCopy();
    signIn.put("createdDateTime", zulu(signIn.path("createdDateTime").asText()));
    ArrayNode eventTypes = signIn.putArray("signInEventTypes");
    eventTypes.add(
        signIn.path("isInteractive").asBoolean() ? "interactiveUser" : "nonInteractiveUser");
    return json.writeValueAsBytes(signIn);
  }

  /**
   * The Log Analytics row of a diagnostic record: PascalCase columns, {@code TenantId} the
   * workspace (the Entra tenant is {@code AADTenantId}), {@code Type} the table. In {@code
   * AADNonInteractiveUserSignInLogs} the dynamic columns hold JSON text, in {@code SigninLogs}
   * objects, as the two tables do.
   */
  byte[] logAnalyticsRow(byte[] diagnosticRecord) throws IOException {
    JsonNode record = json.readTree(diagnosticRecord);
    JsonNode p = record.path("properties");
    String tenantId = record.path("tenantId").asText();
    boolean interactive = p.path("isInteractive").asBoolean();
    ObjectNode row = json.createObjectNode();
    row.put("TenantId", workspaceOf(tenantId));
    row.put("SourceSystem", "Azure AD");
    row.put("TimeGenerated", record.path("time").asText());
    row.put("ResourceId", record.path("resourceId").asText());
    row.put("OperationName", record.path("operationName").asText());
    row.put("OperationVersion", record.path("operationVersion").asText());
    row.put("Category", record.path("category").asText());
    row.put("ResultType", record.path("resultType").asText());
    row.put("ResultSignature", record.path("resultSignature").asText());
    row.put("ResultDescription", "");
    row.put("DurationMs", record.path("durationMs").asLong());
    row.put("CorrelationId", record.path("correlationId").asText());
    row.put("Resource", AAD_PROVIDER);
    row.put("ResourceGroup", AAD_PROVIDER);
    row.put("ResourceProvider", AAD_PROVIDER);
    row.put("Identity", record.path("identity").asText());
    row.put("Level", record.path("Level").asText());
    row.put("Location", record.path("location").asText());
    row.put("AlternateSignInName", p.path("userPrincipalName").asText());
    row.put("AppDisplayName", p.path("appDisplayName").asText());
    row.put("AppId", p.path("appId").asText());
    row.put("AuthenticationDetails", text(p.path("authenticationDetails")));
    row.put("AuthenticationRequirement", p.path("authenticationRequirement").asText());
    row.put("ClientAppUsed", p.path("clientAppUsed").asText());
    dynamic(
        row, "ConditionalAccessPolicies", p.path("appliedConditionalAccessPolicies"), interactive);
    row.put("ConditionalAccessStatus", p.path("conditionalAccessStatus").asText());
    row.put("CreatedDateTime", zulu(p.path("createdDateTime").asText()));
    row.put("CrossTenantAccessType", p.path("crossTenantAccessType").asText());
    dynamic(row, "DeviceDetail", p.path("deviceDetail"), interactive);
    row.put("HomeTenantId", p.path("homeTenantId").asText());
    row.put("Id", p.path("id").asText());
    row.put("IncomingTokenType", p.path("incomingTokenType").asText());
    row.put("IPAddress", p.path("ipAddress").asText());
    row.put("IsInteractive", interactive);
    row.put("IsRisky", false);
    dynamic(row, "LocationDetails", p.path("location"), interactive);
    dynamic(row, "MfaDetail", p.path("mfaDetail"), interactive);
    row.put("NetworkLocationDetails", "[]");
    row.put("OriginalRequestId", p.path("originalRequestId").asText());
    row.put("ProcessingTimeInMilliseconds", p.path("processingTimeInMilliseconds").asText());
    row.put("ResourceDisplayName", p.path("resourceDisplayName").asText());
    row.put("ResourceIdentity", p.path("resourceId").asText());
    row.put("ResourceTenantId", p.path("resourceTenantId").asText());
    row.put("RiskDetail", p.path("riskDetail").asText());
    row.put("RiskEventTypes", "[]");
    row.put("RiskEventTypes_V2", "[]");
    row.put("RiskLevelAggregated", p.path("riskLevelAggregated").asText());
    row.put("RiskLevelDuringSignIn", p.path("riskLevelDuringSignIn").asText());
    row.put("RiskState", p.path("riskState").asText());
    row.put("ServicePrincipalId", p.path("servicePrincipalId").asText());
    row.put("SessionId", p.path("sessionId").asText());
    row.put("SignInIdentifier", p.path("userPrincipalName").asText());
    row.put("SignInIdentifierType", "");
    dynamic(row, "Status", p.path("status"), interactive);
    row.put("TokenIssuerName", p.path("tokenIssuerName").asText());
    row.put("TokenIssuerType", p.path("tokenIssuerType").asText());
    row.put("UniqueTokenIdentifier", p.path("uniqueTokenIdentifier").asText());
    row.put("UserAgent", p.path("userAgent").asText());
    row.put("UserDisplayName", p.path("userDisplayName").asText());
    row.put("UserId", p.path("userId").asText());
    row.put("UserPrincipalName", p.path("userPrincipalName").asText());
    row.put("UserType", p.path("userType").asText());
    row.put("AADTenantId", tenantId);
    row.put("AutonomousSystemNumber", p.path("autonomousSystemNumber").asLong());
    row.put("AuthenticationProtocol", p.path("authenticationProtocol").asText());
    row.put("Type", interactive ? "SigninLogs" : "AADNonInteractiveUserSignInLogs");
    return json.writeValueAsBytes(row);
  }

  /** A stable, made-up Log Analytics workspace id per tenant. */
  static String workspaceOf(String tenantId) {
    return UUID.nameUUIDFromBytes(("workspace:" + tenantId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** {@code 2026-03-03T12:29:00.9017364+00:00} as Graph and Log Analytics print it, with Z. */
  static String zulu(String time) {
    return time.endsWith("+00:00") ? time.substring(0, time.length() - 6) + "Z" : time;
  }

  private void dynamic(ObjectNode row, String column, JsonNode value, boolean asObject)
      throws JsonProcessingException {
    if (asObject) {
      row.set(column, value.deepCopy());
    } else {
      row.put(column, text(value));
    }
  }

  private String text(JsonNode value) throws JsonProcessingException {
    return value.isMissingNode() ? "" : json.writeValueAsString(value);
  }
}
