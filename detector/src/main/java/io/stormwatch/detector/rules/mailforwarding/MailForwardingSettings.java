package io.stormwatch.detector.rules.mailforwarding;

import io.stormwatch.detector.config.types.DurationValue;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parameters of the mail-forwarding rule, and the settings they are read from (under {@code
 * rule.mail-forwarding.}).
 *
 * @param internalDomains mail domains that are the tenant's own on top of those learned from its
 *     mailboxes, lower case
 * @param incidentQuiet an account's incident closes after this long without another forwarding
 *     change
 */
public record MailForwardingSettings(Set<String> internalDomains, Duration incidentQuiet) {

  public static final String INTERNAL_DOMAINS = "internal.domains";
  public static final String INCIDENT_QUIET = "incident.quiet";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              INTERNAL_DOMAINS,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Mail domains that count as the tenant's own, on top of those its mailboxes were seen"
                  + " with (MailboxOwnerUPN of MailItemsAccessed records) and their subdomains: a"
                  + " subsidiary's domain, an accepted domain no mailbox uses yet.")
          .define(
              INCIDENT_QUIET,
              Type.STRING,
              "24h",
              DurationValue.between(Duration.ofMinutes(1), Duration.ofDays(30)),
              Importance.LOW,
              "An account's forwarding incident closes after this long without another change"
                  + " forwarding outside the tenant.");

  /** The rule's settings, keys relative to {@code rule.mail-forwarding.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static MailForwardingSettings from(AbstractConfig config) {
    return new MailForwardingSettings(
        domains(config.getList(INTERNAL_DOMAINS)),
        DurationValue.parse(config.getString(INCIDENT_QUIET)));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static MailForwardingSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }

  static Set<String> domains(java.util.List<String> listed) {
    return listed.stream()
        .map(d -> d.trim().toLowerCase(Locale.ROOT))
        .map(d -> d.startsWith("@") ? d.substring(1) : d)
        .filter(d -> !d.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
