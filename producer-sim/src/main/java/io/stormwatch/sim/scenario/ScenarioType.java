package io.stormwatch.sim.scenario;

import static io.stormwatch.sim.scenario.DetectionRules.APP_MAILBOX_SWEEP;
import static io.stormwatch.sim.scenario.DetectionRules.AUDIT_TAMPERING;
import static io.stormwatch.sim.scenario.DetectionRules.FOREIGN_MAILBOX_SYNC;
import static io.stormwatch.sim.scenario.DetectionRules.MAILBOX_AUDIT_SILENCE;
import static io.stormwatch.sim.scenario.DetectionRules.MAILBOX_DELEGATE_ACCESS;
import static io.stormwatch.sim.scenario.DetectionRules.MAIL_APP_CONSENT;
import static io.stormwatch.sim.scenario.DetectionRules.MAIL_BURST;
import static io.stormwatch.sim.scenario.DetectionRules.MAIL_FORWARDING;
import static io.stormwatch.sim.scenario.DetectionRules.MAIL_HIDING_RULE;
import static io.stormwatch.sim.scenario.DetectionRules.ORPHAN_TOKEN;
import static io.stormwatch.sim.scenario.DetectionRules.SIGNIN_COVERAGE_GAP;
import static io.stormwatch.sim.scenario.DetectionRules.TOKEN_REPLAY;
import static io.stormwatch.sim.scenario.DetectionRules.UNUSUAL_MAIL_CLIENT;
import static io.stormwatch.sim.scenario.ScenarioKind.ATTACK;
import static io.stormwatch.sim.scenario.ScenarioKind.BENIGN_TRAP;
import static io.stormwatch.sim.scenario.TenantPlacement.CORPORATE_VPN;
import static io.stormwatch.sim.scenario.TenantPlacement.DEDICATED;
import static io.stormwatch.sim.scenario.TenantPlacement.PRIMARY;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every scenario the library can play, with the rules that must fire on it and those that may.
 *
 * <p>The enum order is part of the output contract: it decides casting order and random streams.
 * Append new types at the end.
 */
public enum ScenarioType {
  TOKEN_REPLAY_VPS(
      "token-replay-vps",
      ATTACK,
      CORPORATE_VPN,
      Set.of(TOKEN_REPLAY),
      Set.of(),
      "a victim's live token replayed from a VPS abroad while the victim keeps using it at home"),
  TOKEN_REPLAY_IMPOSSIBLE_TRAVEL(
      "token-replay-impossible-travel",
      ATTACK,
      PRIMARY,
      Set.of(TOKEN_REPLAY),
      Set.of(),
      "a stolen token used through a residential proxy on another continent minutes after the"
          + " victim used it at home"),
  FORGED_TOKEN_BULK_REST(
      "forged-token-bulk-rest",
      ATTACK,
      PRIMARY,
      Set.of(ORPHAN_TOKEN),
      Set.of(MAIL_BURST, UNUSUAL_MAIL_CLIENT),
      "a token no sign-in issued (Storm-0558) probing a mailbox, then bulk REST binds from a VPS"),
  CONSENT_PHISHING_APP(
      "consent-phishing-app",
      ATTACK,
      CORPORATE_VPN,
      Set.of(UNUSUAL_MAIL_CLIENT),
      Set.of(),
      "an OAuth consent-phishing app reading mail at modest volume with properly issued delegated"
          + " tokens"),
  MASS_MAIL_READ(
      "mass-mail-read",
      ATTACK,
      PRIMARY,
      Set.of(MAIL_BURST),
      Set.of(),
      "bulk collection through the victim's own session, token and network"),
  MASS_READ_THROTTLED(
      "mass-read-throttled",
      ATTACK,
      PRIMARY,
      Set.of(MAIL_BURST),
      Set.of(),
      "a slow folder-by-folder crawl from the victim's own device that stays under volume"
          + " thresholds until Exchange throttles the mailbox's auditing (IsThrottled=True)"),
  TENANT_WITHOUT_SIGNIN_LOGS(
      "tenant-without-signin-logs",
      ATTACK,
      DEDICATED,
      Set.of(SIGNIN_COVERAGE_GAP),
      Set.of(),
      "a tenant that sends mailbox audit records but never any sign-in logs"),
  SIGNIN_FEED_OUTAGE(
      "signin-feed-outage",
      ATTACK,
      DEDICATED,
      Set.of(SIGNIN_COVERAGE_GAP),
      Set.of(),
      "a tenant whose sign-in feed stops for six working hours while mailbox audit records flow"),
  MOBILE_CARRIER_CHURN(
      "mobile-carrier-churn",
      BENIGN_TRAP,
      PRIMARY,
      Set.of(),
      Set.of(),
      "Outlook Mobile hopping across carrier-grade NAT addresses, then handing over to home Wi-Fi,"
          + " all on one token"),
  CORPORATE_VPN_SWITCH(
      "corporate-vpn-switch",
      BENIGN_TRAP,
      CORPORATE_VPN,
      Set.of(),
      Set.of(),
      "users switching the tenant's common Zscaler VPN on in the middle of a token's life"),
  TRAVELLER_ABROAD(
      "traveller-abroad",
      BENIGN_TRAP,
      CORPORATE_VPN,
      Set.of(),
      Set.of(),
      "a user flying to New York who signs in from the hotel while the phone keeps roaming through"
          + " the home carrier"),
  OUTLOOK_MOBILE_MICROSOFT_EGRESS(
      "outlook-mobile-microsoft-egress",
      BENIGN_TRAP,
      CORPORATE_VPN,
      Set.of(),
      Set.of(),
      "Outlook Mobile's cloud service reading mail from Microsoft's network (AS8075, another"
          + " country) with the token the phone obtained on its carrier"),
  SERVICE_APP_GRAPH(
      "service-app-graph",
      BENIGN_TRAP,
      CORPORATE_VPN,
      Set.of(),
      Set.of(),
      "a line-of-business integration reading mailboxes app-only through Microsoft Graph from a"
          + " cloud host, each token issued by a service-principal sign-in"),
  SHARED_MAILBOX_DELEGATES(
      "shared-mailbox-delegates",
      BENIGN_TRAP,
      CORPORATE_VPN,
      Set.of(),
      Set.of(),
      "a team reading a shared mailbox as delegates (LogonType 2)"),
  NEW_DEVICE_FULL_SYNC(
      "new-device-full-sync",
      BENIGN_TRAP,
      PRIMARY,
      Set.of(),
      Set.of(),
      "classic Outlook on a new laptop synchronising every folder of a large mailbox"),
  RETURNING_FROM_LEAVE(
      "returning-from-leave",
      BENIGN_TRAP,
      PRIMARY,
      Set.of(),
      Set.of(),
      "a user back from two weeks off, re-syncing and catching up on mail"),
  SIGNIN_FEED_LAG(
      "signin-feed-lag",
      BENIGN_TRAP,
      DEDICATED,
      Set.of(),
      Set.of(),
      "a tenant whose sign-in records arrive one hour after the mailbox records of the same time"),
  NEW_OUTLOOK_SWITCH(
      "new-outlook-switch",
      BENIGN_TRAP,
      PRIMARY,
      Set.of(),
      Set.of(),
      "a user moving from classic Outlook to the new Outlook for Windows, a first-party client new"
          + " for the account"),
  FORGED_TOKEN_AT_NIGHT(
      "forged-token-at-night",
      ATTACK,
      DEDICATED,
      Set.of(ORPHAN_TOKEN),
      Set.of(),
      "a token and session no sign-in issued, opening a mailbox in Outlook on the web from a hosting"
          + " network at 02:00-03:00 local time in a small tenant whose sign-in logs are quiet every"
          + " night, reading a few dozen items"),
  NIGHT_SILENCE_EARLY_LOGINS(
      "night-silence-early-logins",
      BENIGN_TRAP,
      DEDICATED,
      Set.of(),
      Set.of(),
      "a small tenant's usual silent night: a phone syncing mail hourly on its evening session,"
          + " then early risers signing in hours before the others"),
  STOLEN_REFRESH_TOKEN_SYNC(
      "stolen-refresh-token-sync",
      ATTACK,
      DEDICATED,
      Set.of(FOREIGN_MAILBOX_SYNC),
      Set.of(MAIL_BURST, TOKEN_REPLAY),
      "a stolen refresh token redeemed from a VPS abroad, then classic Outlook there syncing every"
          + " folder of the mailbox"),
  NEW_LAPTOP_CORPORATE_VPN(
      "new-laptop-corporate-vpn",
      BENIGN_TRAP,
      CORPORATE_VPN,
      Set.of(),
      Set.of(),
      "classic Outlook on a VPN user's new laptop syncing every folder through the corporate VPN"
          + " after the user signed in at home"),
  CONSENT_GRANT_MAIL_READ(
      "consent-grant-mail-read",
      ATTACK,
      CORPORATE_VPN,
      Set.of(MAIL_APP_CONSENT),
      Set.of(UNUSUAL_MAIL_CLIENT),
      "a user consents to an unknown app with Mail.Read and offline_access (the consent in the"
          + " audit log); its server reads the user's mail through Graph from a hosting network"),
  SIGN_IN_APP_CONSENT(
      "sign-in-app-consent",
      BENIGN_TRAP,
      CORPORATE_VPN,
      Set.of(),
      Set.of(),
      "a user consents to a single sign-on web app with openid, profile, User.Read and"
          + " offline_access (no mail scope), then signs in to it"),
  MAILBOX_DELEGATION_TAKEOVER(
      "mailbox-delegation-takeover",
      ATTACK,
      PRIMARY,
      Set.of(MAILBOX_DELEGATE_ACCESS),
      Set.of(),
      "an admin account in an intruder's hands gives itself FullAccess to a colleague's mailbox"
          + " (Add-MailboxPermission) and reads it as a delegate from its own device"),
  APP_MAILBOX_SWEEP_HOSTING(
      "app-mailbox-sweep-hosting",
      ATTACK,
      DEDICATED,
      Set.of(APP_MAILBOX_SWEEP),
      Set.of(ORPHAN_TOKEN, UNUSUAL_MAIL_CLIENT, MAIL_BURST),
      "an application the tenant never saw reads six mailboxes app-only through Graph within an"
          + " hour from a hosting network, with tokens its service principal obtained"),
  INBOX_RULE_TAKEOVER(
      "inbox-rule-takeover",
      ATTACK,
      PRIMARY,
      Set.of(MAIL_FORWARDING, MAIL_HIDING_RULE),
      Set.of(),
      "an intruder, from a hosting network abroad, giving the victim's mailbox a rule named '.'"
          + " forwarding everything to free mail and one named '..' hiding payment replies in RSS"
          + " Subscriptions"),
  INTERNAL_MAIL_FORWARDING(
      "internal-mail-forwarding",
      BENIGN_TRAP,
      PRIMARY,
      Set.of(),
      Set.of(),
      "a leaver's mailbox forwarded to their manager without a copy kept, and invoices forwarded to"
          + " accounts payable, all inside the tenant's domain"),
  EVERYDAY_INBOX_RULES(
      "everyday-inbox-rules",
      BENIGN_TRAP,
      PRIMARY,
      Set.of(),
      Set.of(),
      "a user filing newsletters into a Newsletters folder marked read and deleting one shop's"
          + " promotions, under real rule names"),
  AUDIT_BYPASS(
      "audit-bypass",
      ATTACK,
      PRIMARY,
      Set.of(AUDIT_TAMPERING),
      Set.of(),
      "an intruder in an administrator's session, from a hosting network abroad, bypassing the"
          + " administrator's mailbox auditing and switching a colleague's mailbox audit off"),
  AUDIT_CONFIG_HARDENING(
      "audit-config-hardening",
      BENIGN_TRAP,
      PRIMARY,
      Set.of(),
      Set.of(),
      "an administrator switching audit log ingestion on, adding MailItemsAccessed to a mailbox's"
          + " audit and removing a stale audit bypass: the tampering cmdlets, used to harden"),
  MAILBOX_AUDIT_SILENCED(
      "mailbox-audit-silenced",
      ATTACK,
      PRIMARY,
      Set.of(MAILBOX_AUDIT_SILENCE),
      Set.of(),
      "a mailbox whose reads stop being audited, by a change the feed never carried, while its"
          + " owner's mail client goes on signing in to Exchange Online for two working days"),
  MAIL_FREE_WORKDAY(
      "mail-free-workday",
      BENIGN_TRAP,
      PRIMARY,
      Set.of(),
      Set.of(),
      "a working day with the mail client signed in and nothing read, then mail read as always");

  private final String id;
  private final ScenarioKind kind;
  private final TenantPlacement placement;
  private final Set<String> requiredRules;
  private final Set<String> allowedRules;
  private final String summary;

  ScenarioType(
      String id,
      ScenarioKind kind,
      TenantPlacement placement,
      Set<String> requiredRules,
      Set<String> allowedRules,
      String summary) {
    this.id = id;
    this.kind = kind;
    this.placement = placement;
    this.requiredRules = requiredRules;
    this.allowedRules = allowedRules;
    this.summary = summary;
  }

  /** Stable id, lower case with dashes, e.g. {@code token-replay-vps}. */
  public String id() {
    return id;
  }

  public ScenarioKind kind() {
    return kind;
  }

  public TenantPlacement placement() {
    return placement;
  }

  /** Rules that must fire on the scenario; empty for benign traps. */
  public Set<String> requiredRules() {
    return requiredRules;
  }

  /** Rules that may fire on the scenario without counting as a false positive. */
  public Set<String> allowedRules() {
    return allowedRules;
  }

  /** One line saying what happens. */
  public String summary() {
    return summary;
  }

  /** The type with this id, ignoring case. */
  public static Optional<ScenarioType> byId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
  }
}
