package io.stormwatch.formats.ual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.JsonValues;
import io.stormwatch.schemas.avro.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OAuth grants to an application, as Azure Active Directory's records in the Unified Audit Log
 * (RecordType 8) report them.
 *
 * <ul>
 *   <li>{@code Consent to application.}: a user's consent, or an admin's for the tenant. {@code
 *       ModifiedProperties} carry {@code ConsentContext.IsAdminConsent}, {@code .IsAppOnly}, {@code
 *       .OnBehalfOfAll} and {@code ConsentAction.Permissions}, whose new value lists the grants as
 *       {@code [[Id: …, ClientId: …, PrincipalId: …, ResourceId: …, ConsentType: Principal, Scope:
 *       Mail.Read offline_access, …]]}; the application consented to is named by its service
 *       principal names ({@code TargetId.ServicePrincipalNames}, the {@code Target} of type 4), of
 *       which its application id is the one that is a bare GUID.
 *   <li>{@code Add delegated permission grant.} (once {@code Add OAuth2PermissionGrant.}): {@code
 *       DelegatedPermissionGrant.Scope} and {@code .ConsentType}.
 *   <li>{@code Add app role assignment to service principal.}: an application permission, {@code
 *       AppRole.Value} (e.g. {@code full_access_as_app}).
 * </ul>
 *
 * <p>In the last two the record's target is the resource (Microsoft Graph, Exchange Online), named
 * by {@code TargetId.ServicePrincipalNames}, and the application given the permission is {@code
 * ServicePrincipal.AppId}. Values may come wrapped as JSON (a quoted string, an array).
 */
final class AppPermissionGrants {

  private static final Set<String> CONSENT = Set.of("consent to application");
  private static final Set<String> DELEGATED_GRANT =
      Set.of("add delegated permission grant", "add oauth2permissiongrant");
  private static final Set<String> APP_ROLE_ASSIGNMENT =
      Set.of("add app role assignment to service principal");

  /** Type of a {@code Target} entry that lists service principal names. */
  private static final int SERVICE_PRINCIPAL_NAMES = 4;

  private static final Pattern SCOPE = Pattern.compile("Scope\\s*[:=]\\s*([^,\\]]*)");
  private static final Pattern CONSENT_TYPE = Pattern.compile("ConsentType\\s*[:=]\\s*(\\w+)");
  private static final String ALL_PRINCIPALS = "AllPrincipals";

  private AppPermissionGrants() {}

  static Optional<PermissionGrant> read(String operation, JsonNode record, ObjectMapper json) {
    String name = operationName(operation);
    NamedValues properties = NamedValues.newValuesOf(record.get("ModifiedProperties"));
    if (CONSENT.contains(name)) {
      return Optional.of(consent(record, properties, json));
    }
    if (DELEGATED_GRANT.contains(name)) {
      boolean allUsers =
          ALL_PRINCIPALS.equalsIgnoreCase(
              properties.unwrapped("DelegatedPermissionGrant.ConsentType", json));
      return Optional.of(
          grant(
              properties,
              json,
              PermissionGrant.split(properties.unwrapped("DelegatedPermissionGrant.Scope", json)),
              allUsers));
    }
    if (APP_ROLE_ASSIGNMENT.contains(name)) {
      return Optional.of(
          grant(
              properties,
              json,
              PermissionGrant.split(properties.unwrapped("AppRole.Value", json)),
              true));
    }
    return Optional.empty();
  }

  private static PermissionGrant consent(
      JsonNode record, NamedValues properties, ObjectMapper json) {
    String granted = newPart(properties.text("ConsentAction.Permissions"));
    Set<String> scopes = new LinkedHashSet<>();
    boolean allPrincipals = false;
    if (granted != null) {
      Matcher scope = SCOPE.matcher(granted);
      while (scope.find()) {
        scopes.addAll(PermissionGrant.split(scope.group(1)));
      }
      Matcher type = CONSENT_TYPE.matcher(granted);
      while (type.find()) {
        allPrincipals |= ALL_PRINCIPALS.equalsIgnoreCase(type.group(1));
      }
    }
    boolean tenantWide =
        allPrincipals
            || properties.isTrue("ConsentContext.IsAdminConsent")
            || properties.isTrue("ConsentContext.OnBehalfOfAll")
            || properties.isTrue("ConsentContext.IsAppOnly");
    return new PermissionGrant(
        EventKind.APP_PERMISSION_GRANT,
        consentedApp(record, properties, json),
        null,
        new ArrayList<>(scopes),
        tenantWide);
  }

  /** A delegated grant or app role assignment: to {@code ServicePrincipal.AppId}, on the target. */
  private static PermissionGrant grant(
      NamedValues properties, ObjectMapper json, List<String> permissions, boolean tenantWide) {
    String app = properties.unwrapped("ServicePrincipal.AppId", json);
    return new PermissionGrant(
        EventKind.APP_PERMISSION_GRANT,
        PermissionGrant.isGuid(app) ? PermissionGrant.lowerCase(app) : null,
        firstGuid(properties.unwrapped("TargetId.ServicePrincipalNames", json)),
        permissions,
        tenantWide);
  }

  /**
   * The application id of the consented app: the bare GUID among its service principal names, else
   * the {@code AppId} of {@code ExtendedProperties}' additional details, else a GUID {@code
   * ObjectId}.
   */
  private static String consentedApp(JsonNode record, NamedValues properties, ObjectMapper json) {
    String app = firstGuid(properties.unwrapped("TargetId.ServicePrincipalNames", json));
    JsonNode targets = record.get("Target");
    if (app == null && targets != null && targets.isArray()) {
      for (JsonNode target : targets) {
        if (target.path("Type").asInt(-1) == SERVICE_PRINCIPAL_NAMES) {
          app = firstGuid(JsonValues.nonBlankText(target.get("ID")));
          if (app != null) {
            break;
          }
        }
      }
    }
    if (app == null) {
      app = additionalDetailsAppId(NamedValues.of(record.get("ExtendedProperties")), json);
    }
    if (app == null) {
      String objectId = JsonValues.nonBlankText(record.get("ObjectId"));
      app = PermissionGrant.isGuid(objectId) ? PermissionGrant.lowerCase(objectId) : null;
    }
    return app;
  }

  private static String additionalDetailsAppId(NamedValues extended, ObjectMapper json) {
    String details = extended.text("additionalDetails");
    if (details == null || !details.startsWith("{")) {
      return null;
    }
    try {
      String app = JsonValues.nonBlankText(json.readTree(details).get("AppId"));
      return PermissionGrant.isGuid(app) ? PermissionGrant.lowerCase(app) : null;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  /** The first item of a {@code ;}-, {@code ,}- or space-separated list that is a bare GUID. */
  private static String firstGuid(String names) {
    for (String name : PermissionGrant.split(names)) {
      if (PermissionGrant.isGuid(name)) {
        return PermissionGrant.lowerCase(name);
      }
    }
    return null;
  }

  /** In {@code "[] => [[…]]"} the part after the arrow: what the consent added. */
  private static String newPart(String value) {
    if (value == null) {
      return null;
    }
    int arrow = value.lastIndexOf("=>");
    return arrow < 0 ? value : value.substring(arrow + 2);
  }

  /** {@code Consent to application.} as {@code consent to application}. */
  static String operationName(String operation) {
    String name = operation.strip().toLowerCase(Locale.ROOT);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
