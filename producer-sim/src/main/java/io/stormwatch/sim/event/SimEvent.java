package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.world.Tenant;
import java.time.Instant;

/**
 * Something that happened in a simulated tenant and becomes one raw Microsoft record: a mailbox
 * access (MailItemsAccessed), an Entra sign-in, an Outlook on the web sign-on (OWAAuth), a consent
 * to an application (Consent to application.), a mailbox permission granted
 * (Add-MailboxPermission), or another Exchange cmdlet run against a mailbox (ExchangeAdmin).
 */
public sealed interface SimEvent
    permits MailboxAccess, SignIn, OwaSignOn, AppConsent, MailboxPermissionGrant, MailboxCommand {

  /** Event time: when Microsoft says it happened. */
  Instant time();

  Tenant tenant();

  RawTopic topic();

  /** The record's own id: UAL {@code Id} or sign-in {@code id}. */
  String recordId();
}
