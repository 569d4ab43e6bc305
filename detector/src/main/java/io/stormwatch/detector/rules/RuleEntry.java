package io.stormwatch.detector.rules;

import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A rule as the catalogue lists it: what it is, the settings it defines, and how it is made from
 * them. Like a Kafka Connect connector, a rule owns its {@link ConfigDef}: its keys are written
 * relative to {@link #keyPrefix} ({@code window} for {@code rule.token-replay.window}), and the
 * rule reads its typed settings from an {@link AbstractConfig} over them.
 */
public sealed interface RuleEntry {

  /** Every rule's switch, under its prefix: {@code rule.<id>.enabled}. */
  String ENABLED = "enabled";

  RuleDescriptor descriptor();

  /** The rule's own settings, keys relative to {@link #keyPrefix}; {@value #ENABLED} is not one. */
  ConfigDef settings();

  /** What the rule looks at: one account's events or a whole tenant's. */
  String scope();

  /** The prefix of the rule's settings in the configuration: {@code rule.<id>.}. */
  default String keyPrefix() {
    return "rule." + descriptor().id() + ".";
  }

  /** The configuration key of the rule's setting {@code relativeKey}. */
  default String key(String relativeKey) {
    return keyPrefix() + relativeKey;
  }

  /** An {@link AccountRule}. */
  record Account(
      RuleDescriptor descriptor,
      ConfigDef settings,
      Function<AbstractConfig, AccountRule<?>> factory)
      implements RuleEntry {

    @Override
    public ConfigDef settings() {
      return new ConfigDef(settings);
    }

    @Override
    public String scope() {
      return "account";
    }

    /** The rule, made from {@code settings} (an {@link AbstractConfig} over its own keys). */
    public AccountRule<?> create(AbstractConfig settings) {
      return factory.apply(settings);
    }
  }

  /** A {@link TenantRule}. */
  record Tenant(
      RuleDescriptor descriptor, ConfigDef settings, Function<AbstractConfig, TenantRule> factory)
      implements RuleEntry {

    @Override
    public ConfigDef settings() {
      return new ConfigDef(settings);
    }

    @Override
    public String scope() {
      return "tenant";
    }

    /** The rule, made from {@code settings} (an {@link AbstractConfig} over its own keys). */
    public TenantRule create(AbstractConfig settings) {
      return factory.apply(settings);
    }
  }
}
