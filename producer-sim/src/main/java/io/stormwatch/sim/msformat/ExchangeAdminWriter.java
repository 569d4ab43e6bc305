package io.stormwatch.sim.msformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stormwatch.sim.event.MailboxCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a {@link MailboxCommand} as an ExchangeAdmin record (RecordType 1, Exchange workload) in
 * the Management Activity API's key order, its parameters as {@code Parameters}: an array of {@code
 * {"Name", "Value"}} pairs.
 *
 * <p>Not thread-safe: one writer per generating thread.
 */
public final class ExchangeAdminWriter {

  /** RecordType of ExchangeAdmin. */
  public static final int RECORD_TYPE = 1;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  private final JsonGenerator json;

  /**
   * @param factory creates the writer's generator, which is reused for every record
   */
  public ExchangeAdminWriter(JsonFactory factory) {
    try {
      this.json = factory.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON generator", e);
    }
  }

  /** The record as UTF-8 JSON bytes. */
  public byte[] write(MailboxCommand command) {
    buffer.reset();
    try {
      writeRecord(command);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise ExchangeAdmin " + command.recordId(), e);
    }
    return buffer.toByteArray();
  }

  private void writeRecord(MailboxCommand command) throws IOException {
    json.writeStartObject();
    json.writeStringField("CreationTime", MicrosoftTimestamps.auditTime(command.time()));
    json.writeStringField("Id", command.recordId());
    json.writeStringField("Operation", command.cmdlet());
    json.writeStringField("OrganizationId", command.tenant().tenantId());
    json.writeNumberField("RecordType", RECORD_TYPE);
    json.writeStringField("ResultStatus", "True");
    json.writeStringField("UserKey", command.accessor().userKey());
    json.writeNumberField("UserType", command.accessor().userType());
    json.writeNumberField("Version", 1);
    json.writeStringField("Workload", "Exchange");
    json.writeStringField("ClientIP", command.clientIp());
    json.writeStringField("ObjectId", command.parameters().getOrDefault("Identity", ""));
    json.writeStringField("UserId", command.accessor().userId());
    json.writeStringField("AppId", "");
    json.writeStringField("ClientAppId", "");
    json.writeBooleanField("ExternalAccess", false);
    json.writeStringField("OrganizationName", command.tenant().organizationName());
    json.writeStringField("OriginatingServer", "AM6PR04MB5639 (15.20.8835.012)");
    json.writeArrayFieldStart("Parameters");
    for (Map.Entry<String, String> parameter : command.parameters().entrySet()) {
      json.writeStartObject();
      json.writeStringField("Name", parameter.getKey());
      json.writeStringField("Value", parameter.getValue());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
