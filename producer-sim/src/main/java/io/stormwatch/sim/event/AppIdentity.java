package io.stormwatch.sim.event;

import io.stormwatch.sim.world.FirstPartyApp;

/**
 * An Entra application as sign-in and audit records name it.
 *
 * @param appId the application (client) id
 * @param displayName what Entra prints as {@code appDisplayName} / {@code resourceDisplayName}
 */
public record AppIdentity(String appId, String displayName) {

  /** Microsoft Graph, the resource of app-only and third-party mail access. */
  public static final AppIdentity MICROSOFT_GRAPH =
      new AppIdentity("00000003-0000-0000-c000-000000000000", "Microsoft Graph");

  /**
   * The new Outlook for Windows. Microsoft documents it among its first-party clients; it is new
   * for an account the day its user switches from classic Outlook.
   */
  public static final AppIdentity NEW_OUTLOOK =
      new AppIdentity("5d661950-3475-41cd-a2c3-d671a3162bc1", "Microsoft Outlook");

  public static AppIdentity of(FirstPartyApp app) {
    return new AppIdentity(app.appId(), app.displayName());
  }
}
