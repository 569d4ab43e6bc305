package io.stormwatch.detector.rules.mailclient;

import io.stormwatch.detector.config.types.DurationValue;
import io.stormwatch.detector.tenant.CappedAccountSet;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parameters of the unusual-mail-client rule, and the settings they are read from (under {@code
 * rule.unusual-mail-client.}).
 *
 * @param learningPeriod event time after an account's first event during which its clients are
 *     learned, not judged
 * @param maxTenantAccounts an application is rare when at most this many accounts of the tenant
 *     used it for mail before
 * @param extraAllowedApps client application ids never reported, lower case, on top of the shipped
 *     first-party list
 * @param maxAppsPerAccount clients remembered per account; the least recently used is forgotten
 */
public record UnusualMailClientSettings(
    Duration learningPeriod,
    int maxTenantAccounts,
    Set<String> extraAllowedApps,
    int maxAppsPerAccount) {

  public static final String LEARNING = "learning";
  public static final String MAX_TENANT_ACCOUNTS = "max.tenant.accounts";
  public static final String ALLOWED_APPS = "allowed.apps";
  public static final String MAX_APPS = "max.apps.per.account";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              LEARNING,
              Type.STRING,
              "14d",
              DurationValue.between(Duration.ZERO, Duration.ofDays(365)),
              Importance.MEDIUM,
              "Event time after an account's first event during which its mail clients are learned.")
          .define(
              MAX_TENANT_ACCOUNTS,
              Type.INT,
              2,
              Range.between(0, CappedAccountSet.CAP - 1),
              Importance.MEDIUM,
              "A client is rare when at most this many accounts of the tenant read mail with it"
                  + " before.")
          .define(
              ALLOWED_APPS,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Client application ids never reported, on top of the shipped first-party list.")
          .define(
              MAX_APPS,
              Type.INT,
              32,
              Range.between(1, 1024),
              Importance.LOW,
              "Mail clients remembered per account; the least recently used is forgotten.");

  /** The rule's settings, keys relative to {@code rule.unusual-mail-client.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static UnusualMailClientSettings from(AbstractConfig config) {
    Set<String> allowed =
        config.getList(ALLOWED_APPS).stream()
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    return new UnusualMailClientSettings(
        DurationValue.parse(config.getString(LEARNING)),
        config.getInt(MAX_TENANT_ACCOUNTS),
        allowed,
        config.getInt(MAX_APPS));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static UnusualMailClientSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }
}
