package io.stormwatch.detector.rules.audittampering;

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
 * Parameters of the audit-tampering rule, and the settings they are read from (under {@code
 * rule.audit-tampering.}).
 *
 * @param bypassAllowed identities (lower case) whose mailbox-audit bypass is expected
 * @param incidentQuiet an account's incident closes after this long without another change
 */
public record AuditTamperingSettings(Set<String> bypassAllowed, Duration incidentQuiet) {

  public static final String BYPASS_ALLOWED = "bypass.allowed.accounts";
  public static final String INCIDENT_QUIET = "incident.quiet";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              BYPASS_ALLOWED,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Accounts whose mailbox-audit bypass is expected (an archiving or backup service"
                  + " account that reads every mailbox), as the Identity the cmdlet names, in any"
                  + " case: a bypass for them is not reported.")
          .define(
              INCIDENT_QUIET,
              Type.STRING,
              "24h",
              DurationValue.between(Duration.ofMinutes(1), Duration.ofDays(30)),
              Importance.LOW,
              "An account's incident closes after this long without another change that weakens"
                  + " auditing.");

  /** The rule's settings, keys relative to {@code rule.audit-tampering.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static AuditTamperingSettings from(AbstractConfig config) {
    return new AuditTamperingSettings(
        config.getList(BYPASS_ALLOWED).stream()
            .map(a -> a.trim().toLowerCase(Locale.ROOT))
            .filter(a -> !a.isEmpty())
            .collect(Collectors.toUnmodifiableSet()),
        DurationValue.parse(config.getString(INCIDENT_QUIET)));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static AuditTamperingSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }
}
