package io.stormwatch.detector.rules.auditsilence;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parameters of the mailbox-audit-silence rule, and the settings they are read from (under {@code
 * rule.mailbox-audit-silence.}).
 *
 * @param minAuditedDays days with an audited read of the account's own mailbox before its silence
 *     means anything
 * @param silentDays days of mail use without an audited read for the rule to fire
 * @param activeHours clock hours (UTC) with a sign-in to Exchange Online that make a day one of
 *     mail use
 */
public record MailboxAuditSilenceSettings(int minAuditedDays, int silentDays, int activeHours) {

  public static final String MIN_AUDITED_DAYS = "min.audited.days";
  public static final String SILENT_DAYS = "silent.days";
  public static final String ACTIVE_HOURS = "active.hours";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              MIN_AUDITED_DAYS,
              Type.INT,
              5,
              Range.between(1, MailboxAuditSilenceState.MAX_AUDITED_DAYS),
              Importance.MEDIUM,
              "Days (UTC) on which reads of the account's own mailbox were audited"
                  + " (MailItemsAccessed) before their absence is judged: accounts that never read"
                  + " their mail, such as service accounts, are left alone.")
          .define(
              SILENT_DAYS,
              Type.INT,
              2,
              Range.between(1, 30),
              Importance.MEDIUM,
              "Days of mail use after the day of the mailbox's last audited read, with no audited"
                  + " read since, for the rule to fire; every further such day revises the alert.")
          .define(
              ACTIVE_HOURS,
              Type.INT,
              4,
              Range.between(1, 24),
              Importance.LOW,
              "Clock hours (UTC) of one day with a successful sign-in of the account to Exchange"
                  + " Online that make it a day of mail use: a mail client open through the day"
                  + " redeems its refresh token about hourly.");

  /** The rule's settings, keys relative to {@code rule.mailbox-audit-silence.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static MailboxAuditSilenceSettings from(AbstractConfig config) {
    return new MailboxAuditSilenceSettings(
        config.getInt(MIN_AUDITED_DAYS), config.getInt(SILENT_DAYS), config.getInt(ACTIVE_HOURS));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static MailboxAuditSilenceSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }
}
