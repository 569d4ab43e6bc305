package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.scenario.ScenarioType;
import java.util.Optional;

/** The script that plays each scenario type. */
public final class ScriptCatalogue {

  private ScriptCatalogue() {}

  /** A fresh script for one instance of {@code type}. */
  public static ScenarioScript create(ScenarioType type) {
    return switch (type) {
      case TOKEN_REPLAY_VPS -> new TokenReplayVpsScript();
      case TOKEN_REPLAY_IMPOSSIBLE_TRAVEL -> new ImpossibleTravelScript();
      case FORGED_TOKEN_BULK_REST -> new ForgedTokenScript();
      case CONSENT_PHISHING_APP -> new ConsentPhishingScript(type, false);
      case MASS_MAIL_READ -> new MassMailReadScript();
      case MASS_READ_THROTTLED -> new ThrottledCrawlScript();
      case TENANT_WITHOUT_SIGNIN_LOGS -> new NoSignInLogsScript();
      case SIGNIN_FEED_OUTAGE -> new SignInFeedOutageScript();
      case MOBILE_CARRIER_CHURN -> new CarrierChurnScript();
      case CORPORATE_VPN_SWITCH -> new VpnSwitchScript();
      case TRAVELLER_ABROAD -> new TravellerScript();
      case OUTLOOK_MOBILE_MICROSOFT_EGRESS -> new MicrosoftEgressScript();
      case SERVICE_APP_GRAPH -> new ServiceAppScript();
      case SHARED_MAILBOX_DELEGATES -> new SharedMailboxScript();
      case NEW_DEVICE_FULL_SYNC -> new NewDeviceSyncScript();
      case RETURNING_FROM_LEAVE -> new ReturningUserScript();
      case SIGNIN_FEED_LAG -> new SignInFeedLagScript();
      case NEW_OUTLOOK_SWITCH -> new NewOutlookScript();
      case FORGED_TOKEN_AT_NIGHT -> new ForgedTokenAtNightScript();
      case NIGHT_SILENCE_EARLY_LOGINS -> new NightSilenceScript();
      case STOLEN_REFRESH_TOKEN_SYNC -> new StolenRefreshTokenSyncScript();
      case NEW_LAPTOP_CORPORATE_VPN -> new NewLaptopVpnSyncScript();
      case CONSENT_GRANT_MAIL_READ -> new ConsentPhishingScript(type, true);
      case SIGN_IN_APP_CONSENT -> new SignInAppConsentScript();
      case MAILBOX_DELEGATION_TAKEOVER -> new DelegateTakeoverScript();
      case APP_MAILBOX_SWEEP_HOSTING -> new AppSweepScript();
      case INBOX_RULE_TAKEOVER -> new InboxRuleTakeoverScript();
      case INTERNAL_MAIL_FORWARDING -> new InternalForwardingScript();
      case EVERYDAY_INBOX_RULES -> new EverydayInboxRulesScript();
      case AUDIT_BYPASS -> new AuditBypassScript();
      case AUDIT_CONFIG_HARDENING -> new AuditHardeningScript();
      case MAILBOX_AUDIT_SILENCED -> new MailboxAuditSilencedScript();
      case MAIL_FREE_WORKDAY -> new MailFreeWorkdayScript();
    };
  }

  /** A fresh script for one instance of {@code type}, if the demo can place it without casting. */
  public static Optional<PlaceableAttack> placeable(ScenarioType type) {
    return create(type) instanceof PlaceableAttack attack ? Optional.of(attack) : Optional.empty();
  }
}
