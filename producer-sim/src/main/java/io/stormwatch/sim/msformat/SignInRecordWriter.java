package io.stormwatch.sim.msformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.SignInEvent;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.FirstPartyApp;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an Entra ID sign-in as one Azure Monitor diagnostic-settings record: the element of the
 * Event Hub {@code {"records":[...]}} envelope, with category {@code SignInLogs} for interactive
 * sign-ins and {@code NonInteractiveUserSignInLogs} for refresh-token redemptions.
 *
 * <p>Not thread-safe: one writer per generating thread.
 */
public final class SignInRecordWriter {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(3072);
  private final JsonGenerator json;

  /**
   * @param factory creates the writer's generator, which is reused for every record
   */
  public SignInRecordWriter(JsonFactory factory) {
    try {
      this.json = factory.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON generator", e);
    }
  }

  /** The record as UTF-8 JSON bytes. */
  public byte[] write(SignInEvent event) {
    // One generator writes every record as a separate root value; the factory's empty root
    // separator keeps records free of leading whitespace.
    buffer.reset();
    try {
      writeRecord(json, event);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise sign-in " + event.grant().signInId(), e);
    }
    return buffer.toByteArray();
  }

  private static void writeRecord(JsonGenerator json, SignInEvent event) throws IOException {
    User user = event.user();
    Tenant tenant = user.tenant();
    TokenGrant grant = event.grant();
    ClientProfile client = user.client();
    boolean interactive = grant.interactive();
    String id = grant.signInId().asGuid();
    String correlationId = grant.correlationId().asGuid();
    String created = MicrosoftTimestamps.signInCreatedDateTime(grant.issuedAt());

    json.writeStartObject();
    json.writeStringField("time", MicrosoftTimestamps.signInTime(grant.issuedAt()));
    json.writeStringField(
        "resourceId", "/tenants/" + tenant.tenantId() + "/providers/Microsoft.aadiam");
    json.writeStringField("operationName", "Sign-in activity");
    json.writeStringField("operationVersion", "1.0");
    json.writeStringField("category", interactive ? "SignInLogs" : "NonInteractiveUserSignInLogs");
    json.writeStringField("tenantId", tenant.tenantId());
    json.writeStringField("resultType", "0");
    json.writeStringField("resultSignature", "None");
    json.writeNumberField("durationMs", 0);
    json.writeStringField("callerIpAddress", event.ip());
    json.writeStringField("correlationId", correlationId);
    json.writeStringField("identity", user.displayName());
    json.writeNumberField("Level", 4);
    json.writeStringField("location", event.network().country());

    json.writeObjectFieldStart("properties");
    json.writeStringField("id", id);
    json.writeStringField("createdDateTime", created);
    json.writeStringField("userDisplayName", user.displayName());
    json.writeStringField("userPrincipalName", user.upn());
    json.writeStringField("userId", user.userId());
    json.writeStringField("appId", client.app().appId());
    json.writeStringField("appDisplayName", client.app().displayName());
    json.writeStringField("ipAddress", event.ip());
    json.writeObjectFieldStart("status");
    json.writeNumberField("errorCode", 0);
    if (!interactive) {
      json.writeStringField("additionalDetails", "MFA requirement satisfied by claim in the token");
    }
    json.writeEndObject();
    json.writeStringField("clientAppUsed", client.clientAppUsed());
    json.writeStringField("userAgent", client.userAgent());
    json.writeObjectFieldStart("deviceDetail");
    json.writeStringField("deviceId", "");
    json.writeStringField("operatingSystem", client.operatingSystem());
    json.writeStringField("browser", client.browser());
    json.writeEndObject();
    SignInRecordParts.writeLocation(json, user.city(), event.network().country());
    json.writeObjectFieldStart("mfaDetail");
    json.writeEndObject();
    json.writeStringField("correlationId", correlationId);
    json.writeStringField("conditionalAccessStatus", "notApplied");
    json.writeArrayFieldStart("appliedConditionalAccessPolicies");
    json.writeEndArray();
    json.writeStringField("originalRequestId", id);
    json.writeBooleanField("isInteractive", interactive);
    json.writeStringField("tokenIssuerName", "");
    json.writeStringField("tokenIssuerType", "AzureAD");
    json.writeNumberField("processingTimeInMilliseconds", 40 + (grant.signInId().lo() & 0xFF));
    json.writeStringField("riskDetail", "none");
    json.writeStringField("riskLevelAggregated", "none");
    json.writeStringField("riskLevelDuringSignIn", "none");
    json.writeStringField("riskState", "none");
    json.writeArrayFieldStart("riskEventTypes");
    json.writeEndArray();
    json.writeArrayFieldStart("riskEventTypes_v2");
    json.writeEndArray();
    json.writeStringField("resourceDisplayName", FirstPartyApp.EXCHANGE_ONLINE.displayName());
    json.writeStringField("resourceId", FirstPartyApp.EXCHANGE_ONLINE.appId());
    json.writeStringField("resourceTenantId", tenant.tenantId());
    json.writeStringField("homeTenantId", tenant.tenantId());
    SignInRecordParts.writeAuthenticationDetails(json, interactive, created);
    json.writeStringField(
        "authenticationRequirement",
        interactive ? "multiFactorAuthentication" : "singleFactorAuthentication");
    json.writeStringField("servicePrincipalId", "");
    json.writeStringField("userType", "Member");
    json.writeBooleanField("flaggedForReview", false);
    json.writeBooleanField("isTenantRestricted", false);
    json.writeNumberField("autonomousSystemNumber", event.network().asn());
    json.writeStringField("crossTenantAccessType", "none");
    json.writeStringField("ssoExtensionVersion", "");
    json.writeStringField("uniqueTokenIdentifier", grant.uti().asUti());
    json.writeStringField("sessionId", event.sessionId().asGuid());
    json.writeStringField("incomingTokenType", interactive ? "none" : "refreshToken");
    json.writeStringField("authenticationProtocol", "none");
    json.writeEndObject();
    json.writeEndObject();
  }
}
