package io.stormwatch.sim.msformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stormwatch.sim.event.MailboxPermissionGrant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link MailboxPermissionGrant} as the Unified Audit Log shows an {@code
 * Add-MailboxPermission} cmdlet (RecordType 1, ExchangeAdmin): the cmdlet's parameters as {@code
 * Parameters}, the mailbox's alias in {@code ObjectId}.
 *
 * <p>Not thread-safe: one writer per generating thread.
 */
public final class MailboxPermissionWriter {

  /** RecordType of ExchangeAdmin records. */
  public static final int RECORD_TYPE = 1;

  /** The Exchange Online PowerShell module's application id, which ExchangeAdmin records carry. */
  private static final String EXCHANGE_POWERSHELL = "fb78d390-0c51-40cd-8e17-fdbfab77341b";

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  private final JsonGenerator json;

  /**
   * @param factory creates the writer's generator, which is reused for every record
   */
  public MailboxPermissionWriter(JsonFactory factory) {
    try {
      this.json = factory.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON generator", e);
    }
  }

  /** The record as UTF-8 JSON bytes. */
  public byte[] write(MailboxPermissionGrant grant) {
    buffer.reset();
    try {
      writeRecord(grant);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serialise Add-MailboxPermission " + grant.recordId(), e);
    }
    return buffer.toByteArray();
  }

  private void writeRecord(MailboxPermissionGrant grant) throws IOException {
    String mailbox = grant.mailbox().upn();
    json.writeStartObject();
    json.writeStringField("CreationTime", MicrosoftTimestamps.auditTime(grant.time()));
    json.writeStringField("Id", grant.recordId());
    json.writeStringField("Operation", "Add-MailboxPermission");
    json.writeStringField("OrganizationId", grant.tenant().tenantId());
    json.writeNumberField("RecordType", RECORD_TYPE);
    json.writeStringField("ResultStatus", "True");
    json.writeStringField("UserKey", grant.grantor().userKey());
    json.writeNumberField("UserType", 2);
    json.writeNumberField("Version", 1);
    json.writeStringField("Workload", "Exchange");
    json.writeStringField("ClientIP", grant.clientIp());
    json.writeStringField("ObjectId", mailbox.substring(0, mailbox.indexOf('@')));
    json.writeStringField("UserId", grant.grantor().upn());
    json.writeStringField("AppId", EXCHANGE_POWERSHELL);
    json.writeStringField("AppPoolName", "");
    json.writeStringField("ClientAppId", "");
    json.writeStringField("CorrelationID", "");
    json.writeBooleanField("ExternalAccess", false);
    json.writeStringField("OrganizationName", grant.tenant().organizationName());
    json.writeStringField("OriginatingServer", grant.mailbox().server() + " (15.20.8835.012)");
    json.writeArrayFieldStart("Parameters");
    parameter("Identity", mailbox);
    parameter("User", grant.grantee().upn());
    parameter("AccessRights", grant.accessRights());
    parameter("InheritanceType", "All");
    parameter("AutoMapping", "False");
    json.writeEndArray();
    json.writeStringField("SessionId", grant.sessionId().asGuid());
    json.writeEndObject();
  }

  private void parameter(String name, String value) throws IOException {
    json.writeStartObject();
    json.writeStringField("Name", name);
    json.writeStringField("Value", value);
    json.writeEndObject();
  }
}
