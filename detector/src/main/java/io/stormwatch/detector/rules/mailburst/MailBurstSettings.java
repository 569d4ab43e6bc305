package io.stormwatch.detector.rules.mailburst;

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
 * Parameters of the MailItemsAccessed burst rule, and the settings they are read from (under {@code
 * rule.mail-burst.}).
 *
 * @param window sliding window over which items (bind OperationCount plus synced folders) are
 *     summed
 * @param floorItems the sum must reach at least this many items, whatever the baseline
 * @param baselineMultiplier the sum must also exceed this multiple of the account's baseline
 * @param baselineWeight weight of the latest active hour in the account's moving baseline (0..1)
 * @param ownBaselineHours active hours an account needs before its own baseline replaces the
 *     tenant's peer baseline
 */
public record MailBurstSettings(
    Duration window,
    long floorItems,
    double baselineMultiplier,
    double baselineWeight,
    int ownBaselineHours) {

  public static final String WINDOW = "window";
  public static final String FLOOR_ITEMS = "floor.items";
  public static final String BASELINE_MULTIPLIER = "baseline.multiplier";
  public static final String BASELINE_WEIGHT = "baseline.weight";
  public static final String OWN_BASELINE_HOURS = "own.baseline.hours";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              WINDOW,
              Type.STRING,
              "1h",
              DurationValue.between(Duration.ofMinutes(5), Duration.ofDays(1)),
              Importance.MEDIUM,
              "Sliding window over which accessed items are summed (event time).")
          .define(
              FLOOR_ITEMS,
              Type.LONG,
              500L,
              Range.between(1, 1_000_000),
              Importance.MEDIUM,
              "Items in one window below which the rule never fires, whatever the baseline.")
          .define(
              BASELINE_MULTIPLIER,
              Type.DOUBLE,
              3.0,
              Range.between(1, 1000),
              Importance.MEDIUM,
              "Items in one window must also exceed this multiple of the account's baseline.")
          .define(
              BASELINE_WEIGHT,
              Type.DOUBLE,
              0.2,
              Range.between(0.01, 1),
              Importance.LOW,
              "Weight of the latest active hour in the account's moving-average baseline.")
          .define(
              OWN_BASELINE_HOURS,
              Type.INT,
              4,
              Range.between(1, 1000),
              Importance.LOW,
              "Active hours an account needs before its own baseline replaces the tenant's peer"
                  + " baseline.");

  /** The rule's settings, keys relative to {@code rule.mail-burst.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static MailBurstSettings from(AbstractConfig config) {
    return new MailBurstSettings(
        DurationValue.parse(config.getString(WINDOW)),
        config.getLong(FLOOR_ITEMS),
        config.getDouble(BASELINE_MULTIPLIER),
        config.getDouble(BASELINE_WEIGHT),
        config.getInt(OWN_BASELINE_HOURS));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static MailBurstSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }
}
