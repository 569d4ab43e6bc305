package io.stormwatch.detector.rules.appsweep;

import io.stormwatch.detector.config.types.DurationValue;
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
 * Parameters of the app-mailbox-sweep rule, and the settings they are read from (under {@code
 * rule.app-mailbox-sweep.}).
 *
 * @param window sliding window over which the distinct mailboxes an application reads are counted
 * @param minMailboxes mailboxes in one window below which the rule never fires
 * @param peakMultiplier the count must also exceed this multiple of the application's usual peak
 * @param learning event time after the rule first saw a tenant during which applications' peaks are
 *     learned, not judged
 * @param extraAllowedApps application ids never reported, lower case, on top of Microsoft's own
 *     mail clients
 */
public record AppMailboxSweepSettings(
    Duration window,
    int minMailboxes,
    double peakMultiplier,
    Duration learning,
    Set<String> extraAllowedApps) {

  public static final String WINDOW = "window";
  public static final String MIN_MAILBOXES = "min.mailboxes";
  public static final String PEAK_MULTIPLIER = "peak.multiplier";
  public static final String LEARNING = "learning";
  public static final String ALLOWED_APPS = "allowed.apps";

  /** Mailboxes of one window remembered per application: more than any threshold needs. */
  static final int MAX_MAILBOXES_IN_WINDOW = 64;

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              WINDOW,
              Type.STRING,
              "1h",
              DurationValue.between(Duration.ofMinutes(5), Duration.ofDays(1)),
              Importance.MEDIUM,
              "Sliding window over which the distinct mailboxes an application reads are counted"
                  + " (event time).")
          .define(
              MIN_MAILBOXES,
              Type.INT,
              5,
              Range.between(2, MAX_MAILBOXES_IN_WINDOW),
              Importance.MEDIUM,
              "Mailboxes one application reads in a window below which the rule never fires.")
          .define(
              PEAK_MULTIPLIER,
              Type.DOUBLE,
              2.0,
              Range.between(1, 100),
              Importance.MEDIUM,
              "The mailboxes read in a window must also exceed this multiple of the most the"
                  + " application read in a window before (its usual peak, learned).")
          .define(
              LEARNING,
              Type.STRING,
              "14d",
              DurationValue.between(Duration.ZERO, Duration.ofDays(365)),
              Importance.MEDIUM,
              "Event time after the rule first saw a tenant during which its applications' usual"
                  + " peaks are learned.")
          .define(
              ALLOWED_APPS,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Application ids never reported, on top of Microsoft's own mail clients.");

  /** The rule's settings, keys relative to {@code rule.app-mailbox-sweep.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static AppMailboxSweepSettings from(AbstractConfig config) {
    return new AppMailboxSweepSettings(
        DurationValue.parse(config.getString(WINDOW)),
        config.getInt(MIN_MAILBOXES),
        config.getDouble(PEAK_MULTIPLIER),
        DurationValue.parse(config.getString(LEARNING)),
        config.getList(ALLOWED_APPS).stream()
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet()));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static AppMailboxSweepSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }
}
