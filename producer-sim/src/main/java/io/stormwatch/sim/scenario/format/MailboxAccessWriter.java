package io.stormwatch.sim.scenario.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.msformat.ExchangeItemIds;
import io.stormwatch.sim.msformat.MicrosoftTimestamps;
import io.stormwatch.sim.scenario.event.Accessor;
import io.stormwatch.sim.scenario.event.MailboxAccess;
import io.stormwatch.sim.scenario.event.MailboxIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a {@link MailboxAccess} as a MailItemsAccessed record (RecordType 50) in the layout of the
 * simulator's own {@code MailItemsAccessedWriter} (Management Activity API key order, {@code
 * CreationTime} without zone, only {@code ClientIPAddress}), with what that writer cannot say: a
 * delegate's logon ({@code LogonType} 2, {@code UserId} the delegate, {@code MailboxOwnerUPN} the
 * shared mailbox), app-only access (no session, {@code UserType} 5), Graph as the API, named
 * folders and {@code IsThrottled=True}.
 *
 * <p>Not thread-safe: one writer per generating thread.
 */
public final class MailboxAccessWriter {

  /** Items listed under {@code Folders[].FolderItems[]} at most, as in the simulator's writer. */
  static final int MAX_LISTED_ITEMS = 2;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
  private final JsonGenerator json;

  public MailboxAccessWriter(JsonFactory factory) {
    try {
      this.json = factory.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON generator", e);
    }
  }

  /** The record as UTF-8 JSON bytes. */
  public byte[] write(MailboxAccess access) {
    buffer.reset();
    try {
      writeRecord(access);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise MailItemsAccessed " + access.recordId(), e);
    }
    return buffer.toByteArray();
  }

  private void writeRecord(MailboxAccess access) throws IOException {
    Accessor accessor = access.accessor();
    MailboxIdentity mailbox = access.mailbox();
    String sessionId = access.sessionId() == null ? null : access.sessionId().asGuid();
    String tenantId = access.tenant().tenantId();

    json.writeStartObject();
    json.writeObjectFieldStart("AppAccessContext");
    if (sessionId != null) {
      json.writeStringField("AADSessionId", sessionId);
    }
    json.writeStringField("IssuedAtTime", MicrosoftTimestamps.auditTime(access.tokenIssuedAt()));
    json.writeStringField("UniqueTokenId", access.uti().asUti());
    json.writeStringField("ClientAppId", access.clientAppId());
    json.writeStringField("APIId", access.apiId());
    json.writeEndObject();

    json.writeStringField("CreationTime", MicrosoftTimestamps.auditTime(access.time()));
    json.writeStringField("Id", access.recordId());
    json.writeStringField("Operation", "MailItemsAccessed");
    json.writeStringField("OrganizationId", tenantId);
    json.writeNumberField("RecordType", 50);
    json.writeStringField("ResultStatus", "Succeeded");
    json.writeStringField("UserKey", accessor.userKey());
    json.writeNumberField("UserType", accessor.userType());
    json.writeNumberField("Version", 1);
    json.writeStringField("Workload", "Exchange");
    json.writeStringField("UserId", accessor.userId());
    json.writeStringField("AppId", access.clientAppId());
    json.writeStringField("ClientAppId", access.clientAppId());
    json.writeStringField("ClientIPAddress", access.clientIp());
    json.writeStringField("ClientInfoString", access.clientInfoString());
    json.writeBooleanField("ExternalAccess", false);
    json.writeNumberField("InternalLogonType", access.logonType());
    json.writeNumberField("LogonType", access.logonType());
    json.writeStringField("LogonUserSid", accessor.sid());
    json.writeStringField("MailboxGuid", mailbox.guid());
    json.writeStringField("MailboxOwnerSid", mailbox.sid());
    json.writeStringField("MailboxOwnerUPN", mailbox.upn());
    json.writeArrayFieldStart("OperationProperties");
    nameValue("MailAccessType", access.accessType().auditValue());
    nameValue("IsThrottled", access.throttled() ? "True" : "False");
    json.writeEndArray();
    json.writeStringField("OrganizationName", access.tenant().organizationName());
    json.writeStringField("OriginatingServer", mailbox.server() + " (15.20.8835.012)");
    if (sessionId != null) {
      json.writeStringField("SessionId", sessionId);
    }
    json.writeStringField("TokenObjectId", accessor.tokenObjectId());
    json.writeStringField("TokenTenantId", tenantId);
    SplittableRandom content = new SplittableRandom(access.contentSeed());
    if (access.accessType() == MailAccessType.SYNC) {
      writeSyncedFolders(mailbox, access.folders());
    } else {
      writeBoundItems(mailbox, access.folders(), access.operationCount(), content);
    }
    json.writeNumberField("OperationCount", access.operationCount());
    json.writeEndObject();
  }

  private void writeSyncedFolders(MailboxIdentity mailbox, List<String> folders)
      throws IOException {
    json.writeArrayFieldStart("Folders");
    for (String path : folders) {
      json.writeStartObject();
      json.writeStringField("Id", folderId(mailbox, path));
      json.writeStringField("Path", path);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeBoundItems(
      MailboxIdentity mailbox, List<String> folders, int items, SplittableRandom content)
      throws IOException {
    int listed = Math.min(items, MAX_LISTED_ITEMS);
    int folderCount = Math.min(folders.size(), listed);
    json.writeArrayFieldStart("Folders");
    for (int f = 0; f < folderCount; f++) {
      // The first folder takes what is left when the others have one listed item each.
      int inFolder = f == 0 ? listed - (folderCount - 1) : 1;
      String path = folders.get(f);
      json.writeStartObject();
      json.writeArrayFieldStart("FolderItems");
      for (int i = 0; i < inFolder; i++) {
        json.writeStartObject();
        json.writeStringField("Id", ExchangeItemIds.itemId(content));
        json.writeStringField(
            "InternetMessageId",
            ExchangeItemIds.internetMessageId(content, mailbox.server(), mailbox.region()));
        // Message sizes spread log-uniformly from 4 KB to 2 MB, as in the simulator's writer.
        json.writeNumberField("SizeInBytes", (long) Math.pow(2, 12 + 9 * content.nextDouble()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeStringField("Id", folderId(mailbox, path));
      json.writeStringField("Path", path);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** The same folder of the same mailbox always has the same id. */
  private static String folderId(MailboxIdentity mailbox, String path) {
    return ExchangeItemIds.folderId(mailbox.seed(), path.hashCode());
  }

  private void nameValue(String name, String value) throws IOException {
    json.writeStartObject();
    json.writeStringField("Name", name);
    json.writeStringField("Value", value);
    json.writeEndObject();
  }
}
