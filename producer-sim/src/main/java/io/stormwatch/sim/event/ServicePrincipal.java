package io.stormwatch.sim.event;

/**
 * An application's identity in a tenant, signing in with its own credential (client credentials).
 *
 * @param appId the application (client) id
 * @param displayName {@code servicePrincipalName}
 * @param objectId {@code servicePrincipalId}, also the {@code oid} of its tokens
 * @param credentialKeyId {@code servicePrincipalCredentialKeyId}: the certificate it signs in with
 */
public record ServicePrincipal(
    String appId, String displayName, String objectId, String credentialKeyId) {

  /** The account the normaliser gives its sign-ins. */
  public String account() {
    return "serviceprincipal:" + objectId;
  }

  public AppIdentity app() {
    return new AppIdentity(appId, displayName);
  }
}
