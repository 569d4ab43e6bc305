package io.stormwatch.sim.msformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a {@link MailboxAccess} as a MailItemsAccessed record (RecordType 50) as the Office 365
 * Management Activity API returns it: one JSON object, PascalCase keys in Microsoft's order ({@code
 * AppAccessContext} first, then the common schema, then the Exchange mailbox fields), {@code
 * CreationTime} without a zone, and only {@code ClientIPAddress} (MailItemsAccessed records carry
 * no {@code ClientIP}). The same writer covers an owner's reads, a delegate's ({@code LogonType} 2,
 * {@code UserId} the delegate, {@code MailboxOwnerUPN} the shared mailbox), app-only access (no
 * session, {@code UserType} 5), Graph as the API and {@code IsThrottled=True}.
 *
 * <p>Bind records list at most {@value #MAX_LISTED_ITEMS} items even when {@code OperationCount} is
 * larger, which keeps records around 1–2 KB. A folder has one id per mailbox, whoever lists it. Not
 * thread-safe: one writer per generating thread.
 */
public final class MailItemsAccessedWriter {

  /** Items listed under {@code Folders[].FolderItems[]} at most, whatever the operation count. */
  public static final int MAX_LISTED_ITEMS = 2;

  /** {@code RecordType} of MailItemsAccessed records. */
  static final int MAIL_ITEMS_ACCESSED_RECORD_TYPE = 50;

  /** The folders an owner's everyday reading lands in, when a record names none. */
  private static final List<String> EVERYDAY_FOLDERS =
      List.of(
          "\\Inbox",
          "\\Sent Items",
          "\\Archive",
          "\\Inbox\\Projects",
          "\\Deleted Items",
          "\\Drafts");

  /**
   * Cumulative weights of {@link #EVERYDAY_FOLDERS} for binds: most reading happens in the Inbox.
   */
  private static final double[] BIND_FOLDER_WEIGHTS = {0.60, 0.75, 0.85, 0.95, 1.0, 1.0};

  // Keys and fixed values are encoded once: most of a record's bytes are keys Exchange repeats.
  private static final SerializableString AAD_SESSION_ID = key("AADSessionId");
  private static final SerializableString API_ID = key("APIId");
  private static final SerializableString APP_ACCESS_CONTEXT = key("AppAccessContext");
  private static final SerializableString APP_ID = key("AppId");
  private static final SerializableString CLIENT_APP_ID = key("ClientAppId");
  private static final SerializableString CLIENT_IP_ADDRESS = key("ClientIPAddress");
  private static final SerializableString CLIENT_INFO_STRING = key("ClientInfoString");
  private static final SerializableString CREATION_TIME = key("CreationTime");
  private static final SerializableString EXTERNAL_ACCESS = key("ExternalAccess");
  private static final SerializableString FOLDER_ITEMS = key("FolderItems");
  private static final SerializableString FOLDERS = key("Folders");
  private static final SerializableString ID = key("Id");
  private static final SerializableString INTERNAL_LOGON_TYPE = key("InternalLogonType");
  private static final SerializableString INTERNET_MESSAGE_ID = key("InternetMessageId");
  private static final SerializableString ISSUED_AT_TIME = key("IssuedAtTime");
  private static final SerializableString LOGON_TYPE = key("LogonType");
  private static final SerializableString LOGON_USER_SID = key("LogonUserSid");
  private static final SerializableString MAILBOX_GUID = key("MailboxGuid");
  private static final SerializableString MAILBOX_OWNER_SID = key("MailboxOwnerSid");
  private static final SerializableString MAILBOX_OWNER_UPN = key("MailboxOwnerUPN");
  private static final SerializableString NAME = key("Name");
  private static final SerializableString OPERATION = key("Operation");
  private static final SerializableString OPERATION_COUNT = key("OperationCount");
  private static final SerializableString OPERATION_PROPERTIES = key("OperationProperties");
  private static final SerializableString ORGANIZATION_ID = key("OrganizationId");
  private static final SerializableString ORGANIZATION_NAME = key("OrganizationName");
  private static final SerializableString ORIGINATING_SERVER = key("OriginatingServer");
  private static final SerializableString PATH = key("Path");
  private static final SerializableString RECORD_TYPE = key("RecordType");
  private static final SerializableString RESULT_STATUS = key("ResultStatus");
  private static final SerializableString SESSION_ID = key("SessionId");
  private static final SerializableString SIZE_IN_BYTES = key("SizeInBytes");
  private static final SerializableString TOKEN_OBJECT_ID = key("TokenObjectId");
  private static final SerializableString TOKEN_TENANT_ID = key("TokenTenantId");
  private static final SerializableString UNIQUE_TOKEN_ID = key("UniqueTokenId");
  private static final SerializableString USER_ID = key("UserId");
  private static final SerializableString USER_KEY = key("UserKey");
  private static final SerializableString USER_TYPE = key("UserType");
  private static final SerializableString VALUE = key("Value");
  private static final SerializableString VERSION = key("Version");
  private static final SerializableString WORKLOAD = key("Workload");
  private static final SerializableString MAIL_ITEMS_ACCESSED = key("MailItemsAccessed");
  private static final SerializableString SUCCEEDED = key("Succeeded");
  private static final SerializableString EXCHANGE = key("Exchange");
  private static final SerializableString MAIL_ACCESS_TYPE = key("MailAccessType");
  private static final SerializableString IS_THROTTLED = key("IsThrottled");
  private static final SerializableString TRUE = key("True");
  private static final SerializableString FALSE = key("False");

  /** A folder listed in a record, with how many of its items are listed (none for a sync). */
  private record Listed(String path, int items) {}

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
  private final JsonGenerator json;

  /**
   * @param factory creates the writer's generator, which is reused for every record
   */
  public MailItemsAccessedWriter(JsonFactory factory) {
    try {
      this.json = factory.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON generator", e);
    }
  }

  /** The record as UTF-8 JSON bytes. */
  public byte[] write(MailboxAccess access) {
    // One generator writes every record as a separate root value; the factory's empty root
    // separator keeps records free of leading whitespace.
    buffer.reset();
    try {
      writeRecord(json, access);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise MailItemsAccessed " + access.recordId(), e);
    }
    return buffer.toByteArray();
  }

  private static void writeRecord(JsonGenerator json, MailboxAccess access) throws IOException {
    Accessor accessor = access.accessor();
    MailboxIdentity mailbox = access.mailbox();
    String tenantId = access.tenant().tenantId();
    String sessionId = access.sessionId() == null ? null : access.sessionId().asGuid();

    json.writeStartObject();
    json.writeFieldName(APP_ACCESS_CONTEXT);
    json.writeStartObject();
    if (sessionId != null) {
      string(json, AAD_SESSION_ID, sessionId);
    }
    string(json, ISSUED_AT_TIME, MicrosoftTimestamps.auditTime(access.tokenIssuedAt()));
    string(json, UNIQUE_TOKEN_ID, access.uti().asUti());
    string(json, CLIENT_APP_ID, access.clientAppId());
    string(json, API_ID, access.apiId());
    json.writeEndObject();

    string(json, CREATION_TIME, MicrosoftTimestamps.auditTime(access.time()));
    string(json, ID, access.recordId());
    string(json, OPERATION, MAIL_ITEMS_ACCESSED);
    string(json, ORGANIZATION_ID, tenantId);
    number(json, RECORD_TYPE, MAIL_ITEMS_ACCESSED_RECORD_TYPE);
    string(json, RESULT_STATUS, SUCCEEDED);
    string(json, USER_KEY, accessor.userKey());
    number(json, USER_TYPE, accessor.userType());
    number(json, VERSION, 1);
    string(json, WORKLOAD, EXCHANGE);
    string(json, USER_ID, accessor.userId());
    string(json, APP_ID, access.clientAppId());
    string(json, CLIENT_APP_ID, access.clientAppId());
    string(json, CLIENT_IP_ADDRESS, access.clientIp());
    string(json, CLIENT_INFO_STRING, access.clientInfoString());
    bool(json, EXTERNAL_ACCESS, false);
    number(json, INTERNAL_LOGON_TYPE, access.logonType());
    number(json, LOGON_TYPE, access.logonType());
    string(json, LOGON_USER_SID, accessor.sid());
    string(json, MAILBOX_GUID, mailbox.guid());
    string(json, MAILBOX_OWNER_SID, mailbox.sid());
    string(json, MAILBOX_OWNER_UPN, mailbox.upn());
    json.writeFieldName(OPERATION_PROPERTIES);
    json.writeStartArray();
    nameValue(json, MAIL_ACCESS_TYPE, access.accessType().auditValue());
    nameValue(json, IS_THROTTLED, access.throttled() ? TRUE : FALSE);
    json.writeEndArray();
    string(json, ORGANIZATION_NAME, access.tenant().organizationName());
    string(json, ORIGINATING_SERVER, mailbox.server() + " (15.20.8835.012)");
    if (sessionId != null) {
      string(json, SESSION_ID, sessionId);
    }
    string(json, TOKEN_OBJECT_ID, accessor.tokenObjectId());
    string(json, TOKEN_TENANT_ID, tenantId);
    SplittableRandom content = new SplittableRandom(access.contentSeed());
    json.writeFieldName(FOLDERS);
    json.writeStartArray();
    for (Listed folder : listing(access, content)) {
      writeFolder(json, mailbox, folder, access.accessType() == MailAccessType.BIND, content);
    }
    json.writeEndArray();
    number(json, OPERATION_COUNT, access.operationCount());
    json.writeEndObject();
  }

  /** The folders a record lists: those it names, else the owner's everyday ones, drawn. */
  private static List<Listed> listing(MailboxAccess access, SplittableRandom content) {
    List<String> named = access.folders();
    int count = access.operationCount();
    List<Listed> listing = new ArrayList<>(2);
    if (access.accessType() == MailAccessType.SYNC) {
      if (named != null) {
        named.forEach(path -> listing.add(new Listed(path, 0)));
      } else {
        int first = content.nextInt(EVERYDAY_FOLDERS.size());
        for (int i = 0; i < Math.min(count, EVERYDAY_FOLDERS.size()); i++) {
          listing.add(new Listed(EVERYDAY_FOLDERS.get((first + i) % EVERYDAY_FOLDERS.size()), 0));
        }
      }
      return listing;
    }
    int listed = Math.min(count, MAX_LISTED_ITEMS);
    if (named != null) {
      int folders = Math.min(named.size(), listed);
      for (int f = 0; f < folders; f++) {
        // The first folder takes what is left when the others have one listed item each.
        listing.add(new Listed(named.get(f), f == 0 ? listed - (folders - 1) : 1));
      }
      return listing;
    }
    int folders = listed >= 2 && content.nextDouble() < 0.25 ? 2 : 1;
    int first = bindFolder(content);
    int second =
        (first + 1 + content.nextInt(EVERYDAY_FOLDERS.size() - 1)) % EVERYDAY_FOLDERS.size();
    int inFirst = folders == 1 ? listed : 1 + content.nextInt(listed - 1);
    listing.add(new Listed(EVERYDAY_FOLDERS.get(first), inFirst));
    if (folders == 2) {
      listing.add(new Listed(EVERYDAY_FOLDERS.get(second), listed - inFirst));
    }
    return listing;
  }

  private static void writeFolder(
      JsonGenerator json,
      MailboxIdentity mailbox,
      Listed folder,
      boolean listsItems,
      SplittableRandom content)
      throws IOException {
    json.writeStartObject();
    if (listsItems) {
      json.writeFieldName(FOLDER_ITEMS);
      json.writeStartArray();
      for (int i = 0; i < folder.items(); i++) {
        json.writeStartObject();
        string(json, ID, ExchangeItemIds.itemId(content));
        string(
            json,
            INTERNET_MESSAGE_ID,
            ExchangeItemIds.internetMessageId(content, mailbox.server(), mailbox.region()));
        // Message sizes spread log-uniformly from 4 KB to 2 MB.
        number(json, SIZE_IN_BYTES, (long) Math.pow(2, 12 + 9 * content.nextDouble()));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    string(json, ID, ExchangeItemIds.folderId(mailbox.seed(), folderNumber(folder.path())));
    string(json, PATH, folder.path());
    json.writeEndObject();
  }

  /** Everyday folders are numbered by their place in the list, any other by its path. */
  private static int folderNumber(String path) {
    int everyday = EVERYDAY_FOLDERS.indexOf(path);
    return everyday >= 0 ? everyday : path.hashCode();
  }

  private static int bindFolder(SplittableRandom content) {
    double draw = content.nextDouble();
    for (int i = 0; i < BIND_FOLDER_WEIGHTS.length; i++) {
      if (draw < BIND_FOLDER_WEIGHTS[i]) {
        return i;
      }
    }
    return 0;
  }

  private static void nameValue(JsonGenerator json, SerializableString name, String value)
      throws IOException {
    json.writeStartObject();
    string(json, NAME, name);
    string(json, VALUE, value);
    json.writeEndObject();
  }

  private static void nameValue(
      JsonGenerator json, SerializableString name, SerializableString value) throws IOException {
    json.writeStartObject();
    string(json, NAME, name);
    string(json, VALUE, value);
    json.writeEndObject();
  }

  private static void string(JsonGenerator json, SerializableString key, String value)
      throws IOException {
    json.writeFieldName(key);
    json.writeString(value);
  }

  private static void string(JsonGenerator json, SerializableString key, SerializableString value)
      throws IOException {
    json.writeFieldName(key);
    json.writeString(value);
  }

  private static void number(JsonGenerator json, SerializableString key, long value)
      throws IOException {
    json.writeFieldName(key);
    json.writeNumber(value);
  }

  private static void bool(JsonGenerator json, SerializableString key, boolean value)
      throws IOException {
    json.writeFieldName(key);
    json.writeBoolean(value);
  }

  private static SerializableString key(String text) {
    return new SerializedString(text);
  }
}
