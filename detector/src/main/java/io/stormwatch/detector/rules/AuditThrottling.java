package io.stormwatch.detector.rules;

import java.time.Duration;

/**
 * Exchange's throttling of MailItemsAccessed: once a mailbox has produced more than about 1,000
 * MailItemsAccessed records in 24 hours, Exchange marks the record {@code IsThrottled=True} and
 * audits no binds of that mailbox for the next 24 hours (syncs still are). Source: Microsoft Learn,
 * "Use MailItemsAccessed to investigate compromised accounts", throttling.
 */
public final class AuditThrottling {

  /** How long a throttled mailbox's binds go unaudited. */
  public static final Duration BLINDNESS = Duration.ofHours(24);

  private AuditThrottling() {}
}
