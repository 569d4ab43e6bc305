package io.stormwatch.traffic.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small UAL and sign-in records, and recordings of them, for replay tests. */
final class AuditRecords {
  static final String CONTOSO = "b23db3b9-c462-4ba6-a869-c72b1bb76250";
  static final String FABRIKAM = "96f39d00-01aa-4987-8a13-dedf928f4609";

  private static final DateTimeFormatter UAL_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private AuditRecords() {}

  /** A MailItemsAccessed record of {@code tenant} at {@code time}, as the API writes it. */
  static String mailRead(String tenant, Instant time, String id) {
    return "{\"CreationTime\":\""
        + UAL_TIME.format(time)
        + "\",\"Id\":\""
        + id
        + "\",\"Operation\":\"MailItemsAccessed\",\"OrganizationId\":\""
        + tenant
        + "\",\"RecordType\":50,\"UserId\":\"alice@contoso.com\",\"OperationCount\":3}";
  }

  /** A diagnostic-settings sign-in record of {@code tenant} at {@code time}. */
  static String signIn(String tenant, Instant time, String id) {
    return "{\"time\":\""
        + time
        + "\",\"category\":\"SignInLogs\",\"tenantId\":\""
        + tenant
        + "\",\"properties\":{\"id\":\""
        + id
        + "\",\"createdDateTime\":\""
        + time
        + "\",\"userPrincipalName\":\"alice@contoso.com\"}}";
  }

  /** Writes lines to a file. */
  static Path file(Path dir, String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}
