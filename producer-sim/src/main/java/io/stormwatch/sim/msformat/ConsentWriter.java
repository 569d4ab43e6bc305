package io.stormwatch.sim.msformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stormwatch.sim.event.AppConsent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an {@link AppConsent} as the Unified Audit Log shows Entra ID's {@code Consent to
 * application.} (RecordType 8, AzureActiveDirectory workload): the consent context and the granted
 * permissions as {@code ModifiedProperties}, the application in {@code ObjectId} and {@code
 * Target}.
 *
 * <p>Not thread-safe: one writer per generating thread.
 */
public final class ConsentWriter {

  /** RecordType of Entra ID (AzureActiveDirectory) audit records. */
  public static final int RECORD_TYPE = 8;

  /** Resource id Entra gives Microsoft Graph's service principal in the simulated tenants. */
  private static final String GRAPH_SERVICE_PRINCIPAL = "5c2e8a10-9b3d-4c7e-a1f2-6d4b0e8c3a91";

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
  private final JsonGenerator json;

  /**
   * @param factory creates the writer's generator, which is reused for every record
   */
  public ConsentWriter(JsonFactory factory) {
    try {
      this.json = factory.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON generator", e);
    }
  }

  /** The record as UTF-8 JSON bytes. */
  public byte[] write(AppConsent consent) {
    buffer.reset();
    try {
      writeRecord(consent);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise consent " + consent.recordId(), e);
    }
    return buffer.toByteArray();
  }

  private void writeRecord(AppConsent consent) throws IOException {
    String tenantId = consent.tenant().tenantId();
    String appId = consent.app().appId();
    String servicePrincipal = consent.servicePrincipalId().asGuid();
    String spn = appId;
    String admin = consent.adminConsent() ? "True" : "False";
    json.writeStartObject();
    json.writeStringField("CreationTime", MicrosoftTimestamps.auditTime(consent.time()));
    json.writeStringField("Id", consent.recordId());
    json.writeStringField("Operation", "Consent to application.");
    json.writeStringField("OrganizationId", tenantId);
    json.writeNumberField("RecordType", RECORD_TYPE);
    json.writeStringField("ResultStatus", "Success");
    json.writeStringField("UserKey", consent.grantor().userKey());
    json.writeNumberField("UserType", 0);
    json.writeNumberField("Version", 1);
    json.writeStringField("Workload", "AzureActiveDirectory");
    json.writeStringField("ClientIP", consent.clientIp());
    json.writeStringField("ObjectId", spn);
    json.writeStringField("UserId", consent.grantor().upn());
    json.writeNumberField("AzureActiveDirectoryEventType", 1);
    json.writeArrayFieldStart("ExtendedProperties");
    nameValue("extendedAuditEventCategory", "ServicePrincipal");
    json.writeEndArray();
    json.writeArrayFieldStart("ModifiedProperties");
    change("ConsentContext.IsAdminConsent", admin);
    change("ConsentContext.IsAppOnly", "False");
    change("ConsentContext.OnBehalfOfAll", admin);
    change("ConsentContext.Tags", "WindowsAzureActiveDirectoryIntegratedApp");
    change(
        "ConsentAction.Permissions",
        "[] => [[Id: "
            + consent.recordId().replace("-", "")
            + ", ClientId: "
            + servicePrincipal
            + ", PrincipalId: "
            + (consent.adminConsent() ? "" : consent.grantor().userId())
            + ", ResourceId: "
            + GRAPH_SERVICE_PRINCIPAL
            + ", ConsentType: "
            + (consent.adminConsent() ? "AllPrincipals" : "Principal")
            + ", Scope:  "
            + consent.scope()
            + ", CreatedDateTime: , LastModifiedDateTime ]]; ");
    change("TargetId.ServicePrincipalNames", spn);
    json.writeEndArray();
    json.writeArrayFieldStart("Actor");
    actor(consent.grantor().upn(), 5);
    actor(consent.grantor().userKey(), 3);
    actor("User_" + consent.grantor().userId(), 2);
    actor(consent.grantor().userId(), 2);
    actor("User", 2);
    json.writeEndArray();
    json.writeStringField("ActorContextId", tenantId);
    json.writeStringField("ActorIpAddress", consent.clientIp());
    json.writeArrayFieldStart("Target");
    actor("ServicePrincipal_" + servicePrincipal, 2);
    actor(servicePrincipal, 2);
    actor("ServicePrincipal", 2);
    actor(consent.app().displayName(), 1);
    actor(appId, 2);
    actor(spn, 4);
    json.writeEndArray();
    json.writeStringField("TargetContextId", tenantId);
    json.writeEndObject();
  }

  private void nameValue(String name, String value) throws IOException {
    json.writeStartObject();
    json.writeStringField("Name", name);
    json.writeStringField("Value", value);
    json.writeEndObject();
  }

  private void change(String name, String newValue) throws IOException {
    json.writeStartObject();
    json.writeStringField("Name", name);
    json.writeStringField("NewValue", newValue);
    json.writeStringField("OldValue", "");
    json.writeEndObject();
  }

  private void actor(String id, int type) throws IOException {
    json.writeStartObject();
    json.writeStringField("ID", id);
    json.writeNumberField("Type", type);
    json.writeEndObject();
  }
}
