package io.stormwatch.detector.rules.tokenreplay;

import io.stormwatch.detector.config.types.DurationValue;
import io.stormwatch.detector.tenant.CappedAccountSet;
import java.time.Duration;
import java.util.List;
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
 * Parameters of the token-replay rule, and the settings they are read from (under {@code
 * rule.token-replay.}).
 *
 * @param window how long a token's uses are remembered, in event time (covers a token's lifetime)
 * @param minDistinctIps distinct client IPs a token must be seen from to fire
 * @param minDistinctAsns distinct networks (autonomous systems, ignored ones not counted) to fire
 * @param ignoredAsns networks never counted, e.g. Microsoft's own egress (AS8075)
 * @param maxTokensPerAccount tokens remembered per account; the least recently used is forgotten
 * @param tenantNetworkAccounts an ASN from which at least this many accounts of the tenant signed
 *     in interactively is one of the tenant's own networks (an office, a corporate VPN): never
 *     foreign
 * @param knownNetworksPerAccount networks (ASNs) remembered per account
 * @param networkEstablishedAfter a network the account has used for this long (without a replay
 *     alert) is its own
 * @param minTravelBetweenCountries uses of one token in two countries closer in time than this are
 *     impossible travel
 */
public record TokenReplaySettings(
    Duration window,
    int minDistinctIps,
    int minDistinctAsns,
    Set<Long> ignoredAsns,
    int maxTokensPerAccount,
    int tenantNetworkAccounts,
    int knownNetworksPerAccount,
    Duration networkEstablishedAfter,
    Duration minTravelBetweenCountries) {

  public static final String WINDOW = "window";
  public static final String MIN_IPS = "min.distinct.ips";
  public static final String MIN_ASNS = "min.distinct.asns";
  public static final String IGNORED_ASNS = "ignored.asns";
  public static final String MAX_TOKENS = "max.tokens.per.account";
  public static final String TENANT_NETWORK_ACCOUNTS = "tenant.network.accounts";
  public static final String KNOWN_NETWORKS = "known.networks.per.account";
  public static final String ESTABLISHED = "network.established.after";
  public static final String MIN_TRAVEL = "min.travel.between.countries";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              WINDOW,
              Type.STRING,
              "2h",
              DurationValue.between(Duration.ofMinutes(1), Duration.ofDays(1)),
              Importance.MEDIUM,
              "How long a token's uses are remembered (event time); covers an access token's life.")
          .define(
              MIN_IPS,
              Type.INT,
              2,
              Range.between(2, 100),
              Importance.MEDIUM,
              "Distinct client IPs one token must be used from to fire.")
          .define(
              MIN_ASNS,
              Type.INT,
              2,
              Range.between(2, 100),
              Importance.MEDIUM,
              "Distinct networks (ASNs, ignored ones excluded) one token must be used from to fire.")
          .define(
              IGNORED_ASNS,
              Type.LIST,
              "8075",
              asnList(),
              Importance.MEDIUM,
              "ASNs never counted as a network, e.g. Microsoft's own egress (8075).")
          .define(
              MAX_TOKENS,
              Type.INT,
              64,
              Range.between(1, 10_000),
              Importance.LOW,
              "Tokens remembered per account; bounds state, the least recently used is forgotten.")
          .define(
              TENANT_NETWORK_ACCOUNTS,
              Type.INT,
              5,
              Range.between(1, CappedAccountSet.CAP),
              Importance.MEDIUM,
              "An ASN from which at least this many accounts of the tenant signed in is one of the"
                  + " tenant's own networks (an office, a corporate VPN) and never counts as"
                  + " foreign. Counted up to "
                  + CappedAccountSet.CAP
                  + ".")
          .define(
              KNOWN_NETWORKS,
              Type.INT,
              16,
              Range.between(1, 256),
              Importance.LOW,
              "Networks (ASNs) remembered per account; the least recently seen is forgotten.")
          .define(
              ESTABLISHED,
              Type.STRING,
              "24h",
              DurationValue.between(Duration.ZERO, Duration.ofDays(90)),
              Importance.MEDIUM,
              "A network an account has used for this long without a replay alert is its own and"
                  + " never counts as foreign; one it signed in interactively from is its own at"
                  + " once.")
          .define(
              MIN_TRAVEL,
              Type.STRING,
              "2h",
              DurationValue.between(Duration.ZERO, Duration.ofDays(1)),
              Importance.MEDIUM,
              "Uses of one token in two countries closer in time than this are impossible travel"
                  + " (severity CRITICAL); 0 switches the check off.");

  /** The rule's settings, keys relative to {@code rule.token-replay.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static TokenReplaySettings from(AbstractConfig config) {
    Set<Long> ignored =
        config.getList(IGNORED_ASNS).stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(TokenReplaySettings::asn)
            .collect(Collectors.toUnmodifiableSet());
    return new TokenReplaySettings(
        DurationValue.parse(config.getString(WINDOW)),
        config.getInt(MIN_IPS),
        config.getInt(MIN_ASNS),
        ignored,
        config.getInt(MAX_TOKENS),
        config.getInt(TENANT_NETWORK_ACCOUNTS),
        config.getInt(KNOWN_NETWORKS),
        DurationValue.parse(config.getString(ESTABLISHED)),
        DurationValue.parse(config.getString(MIN_TRAVEL)));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static TokenReplaySettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }

  private static long asn(String text) {
    return Long.parseLong(
        text.toUpperCase(Locale.ROOT).startsWith("AS") ? text.substring(2) : text);
  }

  private static ConfigDef.Validator asnList() {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (value instanceof List<?> list) {
          for (Object item : list) {
            String s = String.valueOf(item).trim();
            String digits = s.toUpperCase(Locale.ROOT).startsWith("AS") ? s.substring(2) : s;
            if (!digits.isEmpty() && !digits.chars().allMatch(Character::isDigit)) {
              throw new ConfigException(
                  name, value, "'" + s + "' is not an ASN (write 8075 or AS8075)");
            }
          }
        }
      }

      @Override
      public String toString() {
        return "ASNs, comma-separated, written 8075 or AS8075";
      }
    };
  }
}
