package io.stormwatch.sim.msformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stormwatch.sim.event.ServicePrincipal;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.world.City;
import io.stormwatch.sim.world.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link SignIn} as one Azure Monitor diagnostic-settings record: the element of the Event
 * Hub {@code {"records":[...]}} envelope, with category {@code SignInLogs} for interactive
 * sign-ins, {@code NonInteractiveUserSignInLogs} for refresh-token redemptions and {@code
 * ServicePrincipalSignInLogs} for applications signing in as themselves.
 *
 * <p>Service-principal sign-ins follow the {@code ServicePrincipalSignInLogs} records of the shared
 * corpus (Elastic's Azure integration fixtures): {@code userId} null, no user fields, {@code
 * servicePrincipalId}, {@code servicePrincipalName}, {@code servicePrincipalCredentialKeyId} and
 * {@code clientCredentialType}.
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
  public byte[] write(SignIn signIn) {
    buffer.reset();
    try {
      writeRecord(signIn);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise sign-in " + signIn.recordId(), e);
    }
    return buffer.toByteArray();
  }

  private void writeRecord(SignIn signIn) throws IOException {
    String tenantId = signIn.tenant().tenantId();
    String id = signIn.signInId().asGuid();
    String correlationId = signIn.correlationId().asGuid();
    String created = MicrosoftTimestamps.signInCreatedDateTime(signIn.time());
    User user = signIn.user();
    ServicePrincipal principal = signIn.servicePrincipal();
    String country = signIn.network().country();

    json.writeStartObject();
    json.writeStringField("time", MicrosoftTimestamps.signInTime(signIn.time()));
    json.writeStringField("resourceId", "/tenants/" + tenantId + "/providers/Microsoft.aadiam");
    json.writeStringField("operationName", "Sign-in activity");
    json.writeStringField("operationVersion", "1.0");
    json.writeStringField("category", signIn.category().category());
    json.writeStringField("tenantId", tenantId);
    json.writeStringField("resultType", "0");
    json.writeStringField("resultSignature", "None");
    json.writeNumberField("durationMs", 0);
    json.writeStringField("callerIpAddress", signIn.ip());
    json.writeStringField("correlationId", correlationId);
    if (user != null) {
      json.writeStringField("identity", user.displayName());
    }
    json.writeNumberField("Level", 4);
    json.writeStringField("location", country);

    json.writeObjectFieldStart("properties");
    json.writeStringField("id", id);
    json.writeStringField("createdDateTime", created);
    if (user != null) {
      json.writeStringField("userDisplayName", user.displayName());
      json.writeStringField("userPrincipalName", user.upn());
      json.writeStringField("userId", user.userId());
    } else {
      json.writeNullField("userId");
    }
    json.writeStringField("appId", signIn.app().appId());
    if (user != null) {
      json.writeStringField("appDisplayName", signIn.app().displayName());
    }
    json.writeStringField("ipAddress", signIn.ip());
    json.writeObjectFieldStart("status");
    json.writeNumberField("errorCode", 0);
    if (user != null && !signIn.interactive()) {
      json.writeStringField("additionalDetails", "MFA requirement satisfied by claim in the token");
    }
    json.writeEndObject();
    if (user != null) {
      json.writeStringField("clientAppUsed", signIn.device().clientAppUsed());
      json.writeStringField("userAgent", signIn.device().userAgent());
      json.writeObjectFieldStart("deviceDetail");
      json.writeStringField("deviceId", signIn.device().deviceId());
      json.writeStringField("operatingSystem", signIn.device().operatingSystem());
      json.writeStringField("browser", signIn.device().browser());
      json.writeEndObject();
    }
    writeLocation(signIn.city(), country);
    if (user != null) {
      json.writeObjectFieldStart("mfaDetail");
      json.writeEndObject();
    }
    json.writeStringField("correlationId", correlationId);
    json.writeStringField("conditionalAccessStatus", "notApplied");
    json.writeArrayFieldStart("appliedConditionalAccessPolicies");
    json.writeEndArray();
    if (user != null) {
      json.writeStringField("originalRequestId", id);
    }
    json.writeBooleanField("isInteractive", signIn.interactive());
    if (user != null) {
      json.writeStringField("tokenIssuerName", "");
    }
    json.writeStringField("tokenIssuerType", "AzureAD");
    if (principal != null) {
      json.writeArrayFieldStart("authenticationProcessingDetails");
      json.writeStartObject();
      json.writeStringField("key", "Azure AD App Authentication Library");
      json.writeStringField("value", "");
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeNumberField("processingTimeInMilliseconds", 40 + (signIn.signInId().lo() & 0xFF));
    json.writeStringField("riskDetail", "none");
    json.writeStringField("riskLevelAggregated", "none");
    json.writeStringField("riskLevelDuringSignIn", "none");
    json.writeStringField("riskState", "none");
    if (user != null) {
      json.writeArrayFieldStart("riskEventTypes");
      json.writeEndArray();
      json.writeArrayFieldStart("riskEventTypes_v2");
      json.writeEndArray();
    }
    json.writeStringField("resourceDisplayName", signIn.resource().displayName());
    json.writeStringField("resourceId", signIn.resource().appId());
    if (user != null) {
      json.writeStringField("resourceTenantId", tenantId);
      json.writeStringField("homeTenantId", tenantId);
      writeAuthenticationDetails(signIn.interactive(), created);
      json.writeStringField(
          "authenticationRequirement",
          signIn.interactive() ? "multiFactorAuthentication" : "singleFactorAuthentication");
      json.writeStringField("servicePrincipalId", "");
      json.writeStringField("userType", "Member");
    } else {
      json.writeStringField("servicePrincipalName", principal.displayName());
      json.writeStringField("servicePrincipalId", principal.objectId());
    }
    json.writeBooleanField("flaggedForReview", false);
    json.writeBooleanField("isTenantRestricted", false);
    if (user != null) {
      json.writeNumberField("autonomousSystemNumber", signIn.network().asn());
    }
    json.writeStringField("crossTenantAccessType", "none");
    if (principal != null) {
      json.writeStringField("servicePrincipalCredentialKeyId", principal.credentialKeyId());
      json.writeStringField("clientCredentialType", "certificate");
    } else {
      json.writeStringField("ssoExtensionVersion", "");
    }
    json.writeStringField("uniqueTokenIdentifier", signIn.uti().asUti());
    if (signIn.sessionId() != null) {
      json.writeStringField("sessionId", signIn.sessionId().asGuid());
    }
    json.writeStringField("incomingTokenType", signIn.incomingTokenType());
    json.writeStringField("authenticationProtocol", "none");
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The {@code location} object: city, state, country and coordinates. */
  private void writeLocation(City city, String country) throws IOException {
    json.writeObjectFieldStart("location");
    json.writeStringField("city", city.name());
    json.writeStringField("state", city.state());
    json.writeStringField("countryOrRegion", country);
    json.writeObjectFieldStart("geoCoordinates");
    json.writeNumberField("latitude", city.latitude());
    json.writeNumberField("longitude", city.longitude());
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The {@code authenticationDetails} array of an interactive (MFA) or a silent sign-in. */
  private void writeAuthenticationDetails(boolean interactive, String created) throws IOException {
    json.writeArrayFieldStart("authenticationDetails");
    if (interactive) {
      authenticationStep(created, "Password", "Primary authentication", "Correct password");
      authenticationStep(
          created,
          "Mobile app notification",
          "Multi-factor authentication",
          "MFA successfully completed");
    } else {
      authenticationStep(
          created,
          "Previously satisfied",
          "Primary authentication",
          "First factor requirement satisfied by claim in the token");
    }
    json.writeEndArray();
  }

  private void authenticationStep(String at, String method, String requirement, String detail)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("authenticationStepDateTime", at);
    json.writeStringField("authenticationMethod", method);
    json.writeStringField("authenticationStepRequirement", requirement);
    json.writeStringField("authenticationStepResultDetail", detail);
    json.writeBooleanField("succeeded", true);
    json.writeEndObject();
  }
}
