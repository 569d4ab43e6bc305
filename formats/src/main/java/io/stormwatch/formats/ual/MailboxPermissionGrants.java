package io.stormwatch.formats.ual;

import com.fasterxml.jackson.databind.JsonNode;
import io.stormwatch.formats.common.JsonValues;
import io.stormwatch.schemas.avro.EventKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Mailbox, recipient and folder permissions and the impersonation role, as Exchange reports their
 * grant in the Unified Audit Log.
 *
 * <ul>
 *   <li>Admin cmdlets (RecordType 1, {@code Parameters} as name/value pairs): {@code
 *       Add-MailboxPermission} ({@code Identity}, {@code User}, {@code AccessRights} such as {@code
 *       FullAccess}; a {@code Deny} entry grants nothing), {@code Add-RecipientPermission} ({@code
 *       Trustee}, {@code SendAs}), {@code Add-} and {@code Set-MailboxFolderPermission} ({@code
 *       Identity} {@code mailbox:\folder}), {@code New-ManagementRoleAssignment} with the role
 *       {@code ApplicationImpersonation} ({@code User} or {@code App}; tenant-wide unless a
 *       recipient scope narrows it).
 *   <li>Mailbox audit records (RecordType 2): {@code AddFolderPermissions} and {@code
 *       ModifyFolderPermissions}, with the member and rights under {@code Item.ParentFolder} and
 *       the mailbox in {@code MailboxOwnerUPN}; rights of {@code None} take access away.
 * </ul>
 */
final class MailboxPermissionGrants {

  private static final String IMPERSONATION = "applicationimpersonation";
  private static final List<String> ROLE_SCOPES =
      List.of(
          "CustomRecipientWriteScope",
          "ExclusiveRecipientWriteScope",
          "RecipientOrganizationalUnitScope",
          "RecipientAdministrativeUnitScope",
          "RecipientGroupScope",
          "RecipientRelativeWriteScope");

  private MailboxPermissionGrants() {}

  static Optional<PermissionGrant> read(String operation, JsonNode record) {
    NamedValues parameters = NamedValues.of(record.get("Parameters"));
    return switch (operation.strip().toLowerCase(Locale.ROOT)) {
      case "add-mailboxpermission" ->
          parameters.isTrue("Deny")
              ? Optional.empty()
              : cmdlet(record, parameters, "User", parameters.text("AccessRights"));
      case "add-recipientpermission" ->
          cmdlet(record, parameters, "Trustee", parameters.text("AccessRights"));
      case "add-mailboxfolderpermission", "set-mailboxfolderpermission" ->
          cmdlet(record, parameters, "User", parameters.text("AccessRights"));
      case "new-managementroleassignment" -> roleAssignment(parameters);
      case "addfolderpermissions", "modifyfolderpermissions" -> folderAudit(record);
      default -> Optional.empty();
    };
  }

  private static Optional<PermissionGrant> cmdlet(
      JsonNode record, NamedValues parameters, String granteeParameter, String rights) {
    String identity = parameters.text("Identity");
    if (identity == null) {
      identity = JsonValues.nonBlankText(record.get("ObjectId"));
    }
    return Optional.of(
        new PermissionGrant(
            EventKind.MAILBOX_PERMISSION_GRANT,
            PermissionGrant.lowerCase(parameters.text(granteeParameter)),
            PermissionGrant.lowerCase(identity),
            PermissionGrant.split(rights),
            false));
  }

  /** Only the impersonation role is a grant of mailbox access; other role assignments are not. */
  private static Optional<PermissionGrant> roleAssignment(NamedValues parameters) {
    String role = parameters.text("Role");
    if (role == null || !role.toLowerCase(Locale.ROOT).contains(IMPERSONATION)) {
      return Optional.empty();
    }
    String grantee = parameters.text("User");
    if (grantee == null) {
      grantee = parameters.text("App");
    }
    if (grantee == null) {
      grantee = parameters.text("SecurityGroup");
    }
    String scope = null;
    for (String parameter : ROLE_SCOPES) {
      scope = scope != null ? scope : parameters.text(parameter);
    }
    return Optional.of(
        new PermissionGrant(
            EventKind.MAILBOX_PERMISSION_GRANT,
            PermissionGrant.lowerCase(grantee),
            PermissionGrant.lowerCase(scope),
            List.of(role),
            scope == null));
  }

  private static Optional<PermissionGrant> folderAudit(JsonNode record) {
    JsonNode folder = record.path("Item").path("ParentFolder");
    List<String> rights =
        PermissionGrant.split(JsonValues.nonBlankText(folder.get("MemberRights")));
    if (rights.isEmpty() || rights.size() == 1 && rights.get(0).equalsIgnoreCase("None")) {
      return Optional.empty();
    }
    String owner = JsonValues.nonBlankText(record.get("MailboxOwnerUPN"));
    String path = JsonValues.nonBlankText(folder.get("Path"));
    String target = owner == null ? null : path == null ? owner : owner + ":" + path;
    return Optional.of(
        new PermissionGrant(
            EventKind.MAILBOX_PERMISSION_GRANT,
            JsonValues.lowerCaseText(folder.get("MemberUpn")),
            PermissionGrant.lowerCase(target),
            rights,
            false));
  }
}
