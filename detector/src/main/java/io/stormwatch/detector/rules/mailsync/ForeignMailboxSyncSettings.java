package io.stormwatch.detector.rules.mailsync;

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
 * Parameters of the foreign-mailbox-sync rule, and the settings they are read from (under {@code
 * rule.foreign-mailbox-sync.}).
 *
 * @param window sliding window over which the folders synced from foreign networks are summed
 * @param minFolders folders synced from foreign networks within the window for the rule to fire
 * @param tenantNetworkAccounts an ASN from which at least this many accounts of the tenant signed
 *     in is one of the tenant's own networks
 * @param networksPerAccount networks (ASNs) remembered per account
 */
public record ForeignMailboxSyncSettings(
    Duration window, int minFolders, int tenantNetworkAccounts, int networksPerAccount) {

  public static final String WINDOW = "window";
  public static final String MIN_FOLDERS = "min.folders";
  public static final String TENANT_NETWORK_ACCOUNTS = "tenant.network.accounts";
  public static final String NETWORKS_PER_ACCOUNT = "networks.per.account";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              WINDOW,
              Type.STRING,
              "1h",
              DurationValue.between(Duration.ofMinutes(5), Duration.ofDays(1)),
              Importance.MEDIUM,
              "Sliding window over which the folders an account's mailbox synced from foreign"
                  + " networks are summed (event time).")
          .define(
              MIN_FOLDERS,
              Type.INT,
              50,
              Range.between(1, 1_000_000),
              Importance.MEDIUM,
              "Folders synced (MailAccessType Sync: each record a whole folder) from networks"
                  + " foreign to the account within the window for the rule to fire. Outlook's"
                  + " everyday syncs touch a few folders; a full sync touches every folder.")
          .define(
              TENANT_NETWORK_ACCOUNTS,
              Type.INT,
              5,
              Range.between(1, 16),
              Importance.LOW,
              "An ASN from which at least this many accounts of the tenant signed in is one of"
                  + " the tenant's own networks (an office, a corporate VPN) and never foreign."
                  + " Counted up to 16.")
          .define(
              NETWORKS_PER_ACCOUNT,
              Type.INT,
              16,
              Range.between(1, 256),
              Importance.LOW,
              "Networks (ASNs) an account signed in interactively from that are remembered; the"
                  + " one signed in from least recently is forgotten.");

  /** The rule's settings, keys relative to {@code rule.foreign-mailbox-sync.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static ForeignMailboxSyncSettings from(AbstractConfig config) {
    return new ForeignMailboxSyncSettings(
        DurationValue.parse(config.getString(WINDOW)),
        config.getInt(MIN_FOLDERS),
        config.getInt(TENANT_NETWORK_ACCOUNTS),
        config.getInt(NETWORKS_PER_ACCOUNT));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static ForeignMailboxSyncSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }
}
