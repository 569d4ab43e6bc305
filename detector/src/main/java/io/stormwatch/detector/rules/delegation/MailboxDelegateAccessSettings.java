package io.stormwatch.detector.rules.delegation;

import io.stormwatch.detector.config.types.DurationValue;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parameters of the mailbox-delegate-access rule, and the settings they are read from (under {@code
 * rule.mailbox-delegate-access.}).
 *
 * @param learning event time after the rule first saw a tenant during which who reads whose mailbox
 *     is learned, not judged
 * @param teamMailboxReaders a mailbox that at least this many other accounts already read is a team
 *     (shared) mailbox, whose new readers are not reported
 * @param grantWindow a delegation to the reader on the mailbox at most this long before a first
 *     read makes the read HIGH
 * @param incidentQuiet a reader's incident closes after this long without a new mailbox
 * @param maxReadersPerMailbox readers remembered per mailbox; the one seen longest ago is forgotten
 */
public record MailboxDelegateAccessSettings(
    Duration learning,
    int teamMailboxReaders,
    Duration grantWindow,
    Duration incidentQuiet,
    int maxReadersPerMailbox) {

  public static final String LEARNING = "learning";
  public static final String TEAM_MAILBOX_READERS = "team.mailbox.readers";
  public static final String GRANT_WINDOW = "grant.window";
  public static final String INCIDENT_QUIET = "incident.quiet";
  public static final String MAX_READERS = "max.readers.per.mailbox";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              LEARNING,
              Type.STRING,
              "14d",
              DurationValue.between(Duration.ZERO, Duration.ofDays(365)),
              Importance.MEDIUM,
              "Event time after the rule first saw a tenant during which who reads whose mailbox"
                  + " is learned: the tenant's established delegates.")
          .define(
              TEAM_MAILBOX_READERS,
              Type.INT,
              2,
              Range.between(1, 1000),
              Importance.MEDIUM,
              "A mailbox that at least this many other accounts already read is a team (shared)"
                  + " mailbox: a new reader of it is a new member, not reported.")
          .define(
              GRANT_WINDOW,
              Type.STRING,
              "7d",
              DurationValue.between(Duration.ofMinutes(1), Duration.ofDays(90)),
              Importance.MEDIUM,
              "A delegation to the reader on the mailbox (FullAccess, SendAs, folder rights,"
                  + " impersonation) at most this long before a first read makes it HIGH.")
          .define(
              INCIDENT_QUIET,
              Type.STRING,
              "24h",
              DurationValue.between(Duration.ofMinutes(1), Duration.ofDays(30)),
              Importance.LOW,
              "A reader's incident closes after this long without a mailbox new to them.")
          .define(
              MAX_READERS,
              Type.INT,
              32,
              Range.between(1, 1024),
              Importance.LOW,
              "Readers remembered per mailbox; the one seen longest ago is forgotten.");

  /** The rule's settings, keys relative to {@code rule.mailbox-delegate-access.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static MailboxDelegateAccessSettings from(AbstractConfig config) {
    return new MailboxDelegateAccessSettings(
        DurationValue.parse(config.getString(LEARNING)),
        config.getInt(TEAM_MAILBOX_READERS),
        DurationValue.parse(config.getString(GRANT_WINDOW)),
        DurationValue.parse(config.getString(INCIDENT_QUIET)),
        config.getInt(MAX_READERS));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static MailboxDelegateAccessSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }
}
