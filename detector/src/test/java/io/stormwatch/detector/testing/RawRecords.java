package io.stormwatch.detector.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Raw records in Microsoft's formats, as the raw topics carry them, for topology tests. */
public final class RawRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter UAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  /** The Entra session the records here belong to unless a test says otherwise. */
  public static final String SESSION = "2f0a6b5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  private RawRecords() {}

  /** A UAL MailItemsAccessed Bind record, as the Management Activity API returns it. */
  public static byte[] mailItemsAccessed(
      String id, String tenant, String user, Instant time, String ip, String uti, int items) {
    return mailItemsAccessed(id, tenant, user, time, ip, uti, SESSION, items);
  }

  /**
   * The same, in the Entra session {@code session}; a null {@code uti} or {@code session} is left
   * out of the record, as Microsoft leaves them out of some aggregated and background records.
   */
  public static byte[] mailItemsAccessed(
      String id,
      String tenant,
      String user,
      Instant time,
      String ip,
      String uti,
      String session,
      int items) {
    ObjectNode r = JSON.createObjectNode();
    r.put("CreationTime", ualTime(time));
    r.put("Id", id);
    r.put("Operation", "MailItemsAccessed");
    r.put("OrganizationId", tenant);
    r.put("RecordType", 50);
    r.put("ResultStatus", "Succeeded");
    r.put("UserKey", "10032000A1B2C3D4");
    r.put("UserType", 0);
    r.put("Version", 1);
    r.put("Workload", "Exchange");
    r.put("UserId", user);
    r.put("AppId", "00000002-0000-0ff1-ce00-000000000000");
    r.put("ClientAppId", "9199bf20-a13f-4107-85dc-02114787ef48");
    r.put("ClientIPAddress", ip);
    r.put("ClientInfoString", "Client=OWA;Action=ViaProxy");
    r.put("ExternalAccess", false);
    r.put("LogonType", 0);
    r.put("MailboxOwnerUPN", user);
    r.putArray("OperationProperties")
        .add(JSON.createObjectNode().put("Name", "MailAccessType").put("Value", "Bind"))
        .add(JSON.createObjectNode().put("Name", "IsThrottled").put("Value", "False"));
    ObjectNode context = r.putObject("AppAccessContext");
    if (session != null) {
      r.put("SessionId", session);
      context.put("AADSessionId", session);
    }
    context.put("IssuedAtTime", ualTime(time.minusSeconds(600)));
    if (uti != null) {
      context.put("UniqueTokenId", uti);
    }
    r.putArray("Folders")
        .addObject()
        .put("Path", "\\Inbox")
        .putArray("FolderItems")
        .addObject()
        .put("Id", "item-" + id);
    r.put("OperationCount", items);
    return bytes(r);
  }

  /**
   * A UAL {@code New-InboxRule} record (Exchange admin audit) of a rule that forwards everything to
   * {@code forwardTo}, as PowerShell or Outlook on the web makes it.
   */
  public static byte[] newInboxRule(
      String id, String tenant, String user, Instant time, String ip, String forwardTo) {
    ObjectNode r = JSON.createObjectNode();
    r.put("CreationTime", ualTime(time));
    r.put("Id", id);
    r.put("Operation", "New-InboxRule");
    r.put("OrganizationId", tenant);
    r.put("RecordType", 1);
    r.put("ResultStatus", "True");
    r.put("UserKey", "10032000A1B2C3D4");
    r.put("UserType", 0);
    r.put("Version", 1);
    r.put("Workload", "Exchange");
    r.put("ClientIP", ip + ":50123");
    r.put("ObjectId", user + "\\.");
    r.put("UserId", user);
    r.put("ExternalAccess", false);
    r.putArray("Parameters")
        .add(JSON.createObjectNode().put("Name", "Name").put("Value", "."))
        .add(JSON.createObjectNode().put("Name", "ForwardTo").put("Value", forwardTo))
        .add(JSON.createObjectNode().put("Name", "StopProcessingRules").put("Value", "True"));
    return bytes(r);
  }

  /** An interactive Entra sign-in, as one record of the Event Hub diagnostic-settings envelope. */
  public static byte[] signIn(
      String id,
      String tenant,
      String user,
      Instant time,
      String ip,
      long asn,
      String country,
      String uti) {
    ObjectNode r = JSON.createObjectNode();
    r.put("time", time.toString());
    r.put("resourceId", "/tenants/" + tenant + "/providers/Microsoft.aadiam");
    r.put("operationName", "Sign-in activity");
    r.put("category", "SignInLogs");
    r.put("tenantId", tenant);
    r.put("resultType", "0");
    r.put("callerIpAddress", ip);
    r.put(
        "correlationId",
        "c0ffee00-0000-4000-8000-" + String.format("%012d", Math.abs(id.hashCode())));
    r.put("Level", 4);
    ObjectNode p = r.putObject("properties");
    p.put("id", id);
    p.put("createdDateTime", time.toString());
    p.put("userPrincipalName", user);
    p.put("appId", "9199bf20-a13f-4107-85dc-02114787ef48");
    p.put("ipAddress", ip);
    p.putObject("status").put("errorCode", 0);
    p.putObject("location").put("countryOrRegion", country);
    p.put("isInteractive", true);
    p.put("resourceId", "00000002-0000-0ff1-ce00-000000000000");
    p.put("uniqueTokenIdentifier", uti);
    p.put("sessionId", SESSION);
    p.put("autonomousSystemNumber", asn);
    return bytes(r);
  }

  /**
   * A non-interactive user sign-in (a client refreshing its token in the background), in the
   * diagnostic-settings envelope, without a session.
   */
  public static byte[] nonInteractiveSignIn(
      String id, String tenant, String user, Instant time, String ip, String uti) {
    ObjectNode r = envelope(id, tenant, time, ip, "NonInteractiveUserSignInLogs");
    ObjectNode p = (ObjectNode) r.get("properties");
    p.put("userPrincipalName", user);
    p.put("appId", "9199bf20-a13f-4107-85dc-02114787ef48");
    p.put("isInteractive", false);
    p.put("uniqueTokenIdentifier", uti);
    return bytes(r);
  }

  /**
   * A service-principal sign-in (an app's client-credentials grant, app-only): no user and no
   * session, only the service principal, its app and the token.
   */
  public static byte[] servicePrincipalSignIn(
      String id, String tenant, String servicePrincipalId, Instant time, String ip, String uti) {
    ObjectNode r = envelope(id, tenant, time, ip, "ServicePrincipalSignInLogs");
    ObjectNode p = (ObjectNode) r.get("properties");
    p.putNull("userId");
    p.put("servicePrincipalId", servicePrincipalId);
    p.put("servicePrincipalName", "Mail archiver");
    p.put("appId", "6131d760-7fda-4db5-8bb1-b771898e9f15");
    p.put("isInteractive", false);
    p.put("uniqueTokenIdentifier", uti);
    return bytes(r);
  }

  private static ObjectNode envelope(
      String id, String tenant, Instant time, String ip, String category) {
    ObjectNode r = JSON.createObjectNode();
    r.put("time", time.toString());
    r.put("resourceId", "/tenants/" + tenant + "/providers/Microsoft.aadiam");
    r.put("operationName", "Sign-in activity");
    r.put("category", category);
    r.put("tenantId", tenant);
    r.put("resultType", "0");
    r.put("callerIpAddress", ip);
    ObjectNode p = r.putObject("properties");
    p.put("id", id);
    p.put("createdDateTime", time.toString());
    p.put("ipAddress", ip);
    p.putObject("status").put("errorCode", 0);
    p.put("resourceId", "00000002-0000-0ff1-ce00-000000000000");
    return r;
  }

  private static String ualTime(Instant time) {
    return LocalDateTime.ofInstant(time, ZoneOffset.UTC).format(UAL_TIME);
  }

  private static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
