package io.stormwatch.formats;

import static io.stormwatch.formats.Fixtures.bytes;
import static io.stormwatch.formats.Fixtures.parsedEvent;
import static io.stormwatch.formats.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Records that grant a permission say what was granted to whom, and on what. */
class PermissionGrantParsingTest {

  private static final String CONSENT = "ual/consent-to-application.json";
  private static final String APP_ROLE = "ual/add-app-role-assignment.json";
  private static final String DELEGATED = "ual/add-delegated-permission-grant.json";
  private static final String FULL_ACCESS = "ual/add-mailbox-permission.json";
  private static final String FOLDER = "ual/add-mailbox-folder-permission.json";
  private static final String IMPERSONATION = "ual/new-management-role-assignment.json";

  private static final String PHISHING_APP = "4f5a9c2e-7d3b-4e81-9b6a-2c0d8e1f3a57";
  private static final String EXCHANGE_ONLINE = "00000002-0000-0ff1-ce00-000000000000";

  private final UnifiedAuditLogParser parser = new UnifiedAuditLogParser();

  private AuditEvent parse(byte[] message) {
    return parsedEvent(parser.parse(message));
  }

  @Nested
  class ConsentToApplication {

    @Test
    void readsTheAppAndTheScopesAUserConsentedTo() {
      AuditEvent event = parse(bytes(CONSENT));

      assertThat(event.getKind()).isEqualTo(EventKind.APP_PERMISSION_GRANT);
      assertThat(event.getAccountId()).isEqualTo("megan.bowen@contoso.example");
      assertThat(event.getGrantee()).isEqualTo(PHISHING_APP);
      assertThat(event.getGrantPermissions())
          .containsExactly("Mail.Read", "offline_access", "User.Read");
      assertThat(event.getGrantTenantWide()).isFalse();
      assertThat(event.getGrantTarget()).isNull();
    }

    @Test
    void findsTheAppAmongTheTargetsWhenNoPropertyNamesIt() {
      ObjectNode tree = record(CONSENT).tree();
      ArrayNode properties = (ArrayNode) tree.get("ModifiedProperties");
      properties.remove(properties.size() - 1); // TargetId.ServicePrincipalNames
      tree.put("ObjectId", "Not Available");

      AuditEvent event = parse(tree.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

      assertThat(event.getGrantee()).isEqualTo(PHISHING_APP);
    }

    @Test
    void takesAnAdminsConsentForEveryUserAsTenantWide() {
      byte[] admin =
          record(CONSENT)
              .withJson(
                  "ModifiedProperties",
                  "[{\"Name\":\"ConsentContext.IsAdminConsent\",\"NewValue\":\"True\"},"
                      + "{\"Name\":\"ConsentAction.Permissions\",\"NewValue\":\"[] => [[Id: x,"
                      + " ClientId: y, PrincipalId: , ResourceId: z, ConsentType: AllPrincipals,"
                      + " Scope:  Mail.ReadWrite openid]]; \"},"
                      + "{\"Name\":\"TargetId.ServicePrincipalNames\",\"NewValue\":\""
                      + PHISHING_APP
                      + "\"}]")
              .bytes();

      AuditEvent event = parse(admin);

      assertThat(event.getGrantTenantWide()).isTrue();
      assertThat(event.getGrantPermissions()).containsExactly("Mail.ReadWrite", "openid");
    }

    @Test
    void aConsentThatFailedGrantsNothing() {
      AuditEvent event = parse(record(CONSENT).with("ResultStatus", "Failure").bytes());

      assertThat(event.getKind()).isEqualTo(EventKind.OTHER);
      assertThat(event.getGrantee()).isNull();
      assertThat(event.getGrantPermissions()).isEmpty();
    }

    @Test
    void readsTheEntraSpellingWithoutTheFinalDot() {
      AuditEvent event = parse(record(CONSENT).with("Operation", "Consent to application").bytes());

      assertThat(event.getKind()).isEqualTo(EventKind.APP_PERMISSION_GRANT);
    }
  }

  @Test
  void readsAnApplicationPermissionToReadEveryMailbox() {
    AuditEvent event = parse(bytes(APP_ROLE));

    assertThat(event.getKind()).isEqualTo(EventKind.APP_PERMISSION_GRANT);
    assertThat(event.getAccountId()).isEqualTo("admin@contoso.example");
    assertThat(event.getGrantee()).isEqualTo("e8b1c4d2-5a6f-4b3e-9c7d-0f1e2a3b4c5d");
    assertThat(event.getGrantPermissions()).containsExactly("full_access_as_app");
    assertThat(event.getGrantTarget()).isEqualTo(EXCHANGE_ONLINE);
    assertThat(event.getGrantTenantWide()).isTrue();
  }

  @Test
  void readsADelegatedGrantForAllUsers() {
    AuditEvent event = parse(bytes(DELEGATED));

    assertThat(event.getKind()).isEqualTo(EventKind.APP_PERMISSION_GRANT);
    assertThat(event.getGrantee()).isEqualTo(PHISHING_APP);
    assertThat(event.getGrantPermissions()).containsExactly("Mail.ReadWrite", "offline_access");
    assertThat(event.getGrantTarget()).isEqualTo("00000003-0000-0000-c000-000000000000");
    assertThat(event.getGrantTenantWide()).isTrue();
  }

  @Nested
  class MailboxDelegation {

    @Test
    void readsFullAccessToAnotherMailbox() {
      AuditEvent event = parse(bytes(FULL_ACCESS));

      assertThat(event.getKind()).isEqualTo(EventKind.MAILBOX_PERMISSION_GRANT);
      assertThat(event.getAccountId()).isEqualTo("admin@contoso.example");
      assertThat(event.getGrantee()).isEqualTo("adele.vance@contoso.example");
      assertThat(event.getGrantTarget()).isEqualTo("nestor.wilke@contoso.example");
      assertThat(event.getGrantPermissions()).containsExactly("FullAccess");
      assertThat(event.getGrantTenantWide()).isFalse();
    }

    @Test
    void aDenyEntryGrantsNothing() {
      byte[] deny =
          record(FULL_ACCESS)
              .withJson(
                  "Parameters",
                  "[{\"Name\":\"Identity\",\"Value\":\"Nestor.Wilke\"},"
                      + "{\"Name\":\"User\",\"Value\":\"Adele.Vance\"},"
                      + "{\"Name\":\"AccessRights\",\"Value\":\"FullAccess\"},"
                      + "{\"Name\":\"Deny\",\"Value\":\"True\"}]")
              .bytes();

      assertThat(parse(deny).getKind()).isEqualTo(EventKind.EXCHANGE_ADMIN);
    }

    @Test
    void readsSendAsGrantedToATrustee() {
      byte[] sendAs =
          record(FULL_ACCESS)
              .with("Operation", "Add-RecipientPermission")
              .withJson(
                  "Parameters",
                  "[{\"Name\":\"Identity\",\"Value\":\"Nestor.Wilke@contoso.example\"},"
                      + "{\"Name\":\"Trustee\",\"Value\":\"Adele.Vance@contoso.example\"},"
                      + "{\"Name\":\"AccessRights\",\"Value\":\"SendAs\"}]")
              .bytes();

      AuditEvent event = parse(sendAs);

      assertThat(event.getGrantee()).isEqualTo("adele.vance@contoso.example");
      assertThat(event.getGrantPermissions()).containsExactly("SendAs");
    }

    @Test
    void readsAFolderPermissionForEveryoneInTheOrganisation() {
      AuditEvent event = parse(bytes(FOLDER));

      assertThat(event.getKind()).isEqualTo(EventKind.MAILBOX_PERMISSION_GRANT);
      assertThat(event.getGrantee()).isEqualTo("default");
      assertThat(event.getGrantTarget()).isEqualTo("nestor.wilke@contoso.example:\\inbox");
      assertThat(event.getGrantPermissions()).containsExactly("Reviewer");
    }

    @Test
    void readsTheImpersonationRoleAsTenantWideUnlessAScopeNarrowsIt() {
      AuditEvent tenantWide = parse(bytes(IMPERSONATION));
      AuditEvent scoped =
          parse(
              record(IMPERSONATION)
                  .withJson(
                      "Parameters",
                      "[{\"Name\":\"Role\",\"Value\":\"ApplicationImpersonation\"},"
                          + "{\"Name\":\"User\",\"Value\":\"svc-sync@contoso.example\"},"
                          + "{\"Name\":\"CustomRecipientWriteScope\",\"Value\":\"Sales\"}]")
                  .bytes());

      assertThat(tenantWide.getKind()).isEqualTo(EventKind.MAILBOX_PERMISSION_GRANT);
      assertThat(tenantWide.getGrantee()).isEqualTo("svc-sync@contoso.example");
      assertThat(tenantWide.getGrantPermissions()).containsExactly("ApplicationImpersonation");
      assertThat(tenantWide.getGrantTenantWide()).isTrue();
      assertThat(scoped.getGrantTenantWide()).isFalse();
      assertThat(scoped.getGrantTarget()).isEqualTo("sales");
    }

    @Test
    void otherRoleAssignmentsGrantNoMailboxAccess() {
      byte[] otherRole =
          record(IMPERSONATION)
              .withJson(
                  "Parameters",
                  "[{\"Name\":\"Role\",\"Value\":\"Mail Recipients\"},"
                      + "{\"Name\":\"User\",\"Value\":\"helpdesk@contoso.example\"}]")
              .bytes();

      assertThat(parse(otherRole).getKind()).isEqualTo(EventKind.EXCHANGE_ADMIN);
    }

    @Test
    void aCmdletThatFailedGrantsNothing() {
      assertThat(parse(record(FULL_ACCESS).with("ResultStatus", "False").bytes()).getKind())
          .isEqualTo(EventKind.EXCHANGE_ADMIN);
    }
  }
}
