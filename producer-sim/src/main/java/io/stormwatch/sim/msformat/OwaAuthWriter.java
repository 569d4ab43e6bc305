package io.stormwatch.sim.msformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.OwaSignOn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an {@link OwaSignOn} as an OWAAuth record (RecordType 275, Exchange workload) in the
 * Management Activity API's key order: {@code ClientIP} rather than {@code ClientIPAddress}, the
 * session and token ids both at the top level and in {@code AppAccessContext}.
 *
 * <p>Not thread-safe: one writer per generating thread.
 */
public final class OwaAuthWriter {

  /** RecordType of OWAAuth. */
  public static final int RECORD_TYPE = 275;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  private final JsonGenerator json;

  /**
   * @param factory creates the writer's generator, which is reused for every record
   */
  public OwaAuthWriter(JsonFactory factory) {
    try {
      this.json = factory.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON generator", e);
    }
  }

  /** The record as UTF-8 JSON bytes. */
  public byte[] write(OwaSignOn signOn) {
    buffer.reset();
    try {
      writeRecord(signOn);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise OWAAuth " + signOn.recordId(), e);
    }
    return buffer.toByteArray();
  }

  private void writeRecord(OwaSignOn signOn) throws IOException {
    String sessionId = signOn.sessionId() == null ? null : signOn.sessionId().asGuid();
    String tenantId = signOn.tenant().tenantId();
    json.writeStartObject();
    json.writeObjectFieldStart("AppAccessContext");
    if (sessionId != null) {
      json.writeStringField("AADSessionId", sessionId);
    }
    json.writeStringField("IssuedAtTime", MicrosoftTimestamps.auditTime(signOn.tokenIssuedAt()));
    json.writeStringField("UniqueTokenId", signOn.uti().asUti());
    json.writeStringField("ClientAppId", signOn.clientAppId());
    json.writeStringField("APIId", MailboxAccess.EXCHANGE_API);
    json.writeEndObject();
    json.writeStringField("CreationTime", MicrosoftTimestamps.auditTime(signOn.time()));
    json.writeStringField("Id", signOn.recordId());
    json.writeStringField("Operation", "OWAAuth");
    json.writeStringField("OrganizationId", tenantId);
    json.writeNumberField("RecordType", RECORD_TYPE);
    json.writeStringField("ResultStatus", "Succeeded");
    json.writeStringField("UserKey", signOn.accessor().userKey());
    json.writeNumberField("UserType", signOn.accessor().userType());
    json.writeNumberField("Version", 1);
    json.writeStringField("Workload", "Exchange");
    json.writeStringField("ClientIP", signOn.clientIp());
    json.writeStringField("UserId", signOn.accessor().userId());
    json.writeStringField("ClientAppId", signOn.clientAppId());
    json.writeStringField("ClientInfoString", signOn.clientInfoString());
    json.writeBooleanField("ExternalAccess", false);
    json.writeNumberField("InternalLogonType", 0);
    json.writeNumberField("LogonType", 0);
    json.writeStringField("LogonUserSid", signOn.accessor().sid());
    json.writeStringField("MailboxGuid", signOn.mailbox().guid());
    json.writeStringField("MailboxOwnerSid", signOn.mailbox().sid());
    json.writeStringField("MailboxOwnerUPN", signOn.mailbox().upn());
    json.writeStringField("OrganizationName", signOn.tenant().organizationName());
    json.writeStringField("OriginatingServer", signOn.mailbox().server() + " (15.20.8835.012)");
    if (sessionId != null) {
      json.writeStringField("SessionId", sessionId);
    }
    json.writeStringField("UniqueTokenId", signOn.uti().asUti());
    json.writeEndObject();
  }
}
