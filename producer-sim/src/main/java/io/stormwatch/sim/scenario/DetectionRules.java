package io.stormwatch.sim.scenario;

import java.util.List;

/**
 * The ids of the detections scenarios are labelled with. They are the detector's stable rule ids,
 * those of its rule catalogue; an alert's {@code ruleId} is compared with them as is. This module
 * does not depend on the detector: {@code RuleCatalogueMatchesScenarioLibraryTest} (cli) checks
 * that these are the catalogue's ids, and that every catalogued rule has scenarios.
 */
public final class DetectionRules {

  /** One token (uti, else session) used from more than one network within a window. */
  public static final String TOKEN_REPLAY = "token-replay";

  /** A resource-side token or session with no issuance in the tenant's sign-in logs. */
  public static final String ORPHAN_TOKEN = "orphan-token";

  /** A tenant that sends token uses but no (or, for hours, no more) sign-in logs. */
  public static final String SIGNIN_COVERAGE_GAP = "signin-coverage-gap";

  /** A ClientAppId new for the account on MailItemsAccessed Bind (CISA AA23-193A). */
  public static final String UNUSUAL_MAIL_CLIENT = "unusual-mail-client";

  /** Items accessed in a sliding hour far above the account's baseline, or IsThrottled=True. */
  public static final String MAIL_BURST = "mail-burst";

  /** A whole mailbox synced (MailAccessType Sync) from a network foreign to the account. */
  public static final String FOREIGN_MAILBOX_SYNC = "foreign-mailbox-sync";

  /** An OAuth grant of a mail scope to an app new to the tenant's mail, then its reads. */
  public static final String MAIL_APP_CONSENT = "mail-app-consent";

  /** Another user's mailbox read by a reader new to it, above all right after a delegation. */
  public static final String MAILBOX_DELEGATE_ACCESS = "mailbox-delegate-access";

  /** One application reading many mailboxes within an hour, far above its usual peak. */
  public static final String APP_MAILBOX_SWEEP = "app-mailbox-sweep";

  /** An inbox rule or mailbox forwarding sending mail outside the tenant's domains. */
  public static final String MAIL_FORWARDING = "mail-forwarding";

  /** An inbox rule deleting or hiding mail from the owner, with an intruder's signs. */
  public static final String MAIL_HIDING_RULE = "mail-hiding-rule";

  /** Mailbox or tenant audit switched off or bypassed. */
  public static final String AUDIT_TAMPERING = "audit-tampering";

  /** A mailbox whose reads are no longer audited while its owner keeps using mail. */
  public static final String MAILBOX_AUDIT_SILENCE = "mailbox-audit-silence";

  /** Every rule above, in this order. */
  public static final List<String> ALL =
      List.of(
          TOKEN_REPLAY,
          ORPHAN_TOKEN,
          SIGNIN_COVERAGE_GAP,
          UNUSUAL_MAIL_CLIENT,
          MAIL_BURST,
          FOREIGN_MAILBOX_SYNC,
          MAIL_APP_CONSENT,
          MAILBOX_DELEGATE_ACCESS,
          APP_MAILBOX_SWEEP,
          MAIL_FORWARDING,
          MAIL_HIDING_RULE,
          AUDIT_TAMPERING,
          MAILBOX_AUDIT_SILENCE);

  private DetectionRules() {}
}
