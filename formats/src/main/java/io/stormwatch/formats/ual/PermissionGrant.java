package io.stormwatch.formats.ual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.JsonValues;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A permission a UAL record says was granted: an OAuth grant to an application ({@link
 * AppPermissionGrants}) or a mailbox, recipient or folder permission or impersonation role ({@link
 * MailboxPermissionGrants}).
 *
 * @param kind {@link EventKind#APP_PERMISSION_GRANT} or {@link EventKind#MAILBOX_PERMISSION_GRANT}
 * @param grantee who was given access, lower case; null when the record does not say
 * @param target what the access is on, lower case; null when it covers the tenant or is not said
 * @param permissions the scopes, roles or rights given, as written
 * @param tenantWide whether the grant reaches every user of the tenant
 */
public record PermissionGrant(
    EventKind kind, String grantee, String target, List<String> permissions, boolean tenantWide) {

  /** Top-level fields the grant readers read, beyond those {@link UalEventMapper} reads anyway. */
  static final Set<String> FIELDS_READ =
      Set.of("ResultStatus", "ModifiedProperties", "Target", "ObjectId", "Parameters", "Item");

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,;]+");

  public PermissionGrant {
    Objects.requireNonNull(kind, "kind");
    permissions = List.copyOf(permissions);
  }

  /**
   * The grant {@code record} reports, if its operation grants a permission and succeeded.
   *
   * @param operation the record's {@code Operation}
   * @param json reads values that carry JSON inside a string
   */
  static Optional<PermissionGrant> read(String operation, JsonNode record, ObjectMapper json) {
    if (failed(record)) {
      return Optional.empty();
    }
    return AppPermissionGrants.read(operation, record, json)
        .or(() -> MailboxPermissionGrants.read(operation, record));
  }

  /** Sets the event's kind and grant fields. */
  void applyTo(AuditEvent.Builder event) {
    event
        .setKind(kind)
        .setGrantee(grantee)
        .setGrantTarget(target)
        .setGrantPermissions(permissions)
        .setGrantTenantWide(tenantWide);
  }

  /** Whether {@code text} is a bare GUID, such as an application id. */
  static boolean isGuid(String text) {
    return text != null && GUID.matcher(text).matches();
  }

  /** The items of a list written with commas, semicolons or spaces between them. */
  static List<String> split(String text) {
    if (text == null) {
      return List.of();
    }
    return LIST_SEPARATORS.splitAsStream(text.strip()).filter(s -> !s.isEmpty()).toList();
  }

  static String lowerCase(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  /**
   * Azure AD records say {@code Success} or {@code Failure}, Exchange admin records {@code True} or
   * {@code False}; a blocked consent or a cmdlet that failed granted nothing.
   */
  private static boolean failed(JsonNode record) {
    String status = JsonValues.nonBlankText(record.get("ResultStatus"));
    return status != null
        && (status.equalsIgnoreCase("Failure")
            || status.equalsIgnoreCase("Failed")
            || status.equalsIgnoreCase("False"));
  }
}
