package io.stormwatch.sim.world;

/**
 * Microsoft first-party application ids that appear in sign-in and mailbox-access records.
 *
 * @param appId the application (client) id
 * @param displayName the name Entra prints in {@code appDisplayName} / {@code resourceDisplayName}
 */
public record FirstPartyApp(String appId, String displayName) {

  /** Outlook for Windows and the other Microsoft 365 desktop apps. */
  public static final FirstPartyApp MICROSOFT_OFFICE =
      new FirstPartyApp("d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office");

  /** Outlook for iOS and Android. */
  public static final FirstPartyApp OUTLOOK_MOBILE =
      new FirstPartyApp("27922004-5251-4030-b22d-91ecd9a37ea4", "Outlook Mobile");

  /** Outlook on the web. */
  public static final FirstPartyApp ONE_OUTLOOK_WEB =
      new FirstPartyApp("9199bf20-a13f-4107-85dc-02114787ef48", "One Outlook Web");

  /** The Exchange Online resource (the token's audience). */
  public static final FirstPartyApp EXCHANGE_ONLINE =
      new FirstPartyApp("00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online");
}
