package io.stormwatch.detector.rules.orphantoken;

import io.stormwatch.detector.config.types.DurationValue;
import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Parameters of the orphan-token rule, and the settings they are read from (under {@code
 * rule.orphan-token.}).
 *
 * @param lookback how long before a use its token or session may have been issued
 * @param grace how long after a use (in the tenant's event time) its check waits for a late sign-in
 * @param quietPeriod an account's orphan incident closes after this long without another orphan use
 * @param maxWait a use is judged at the latest this long after it, even before the tenant's sign-in
 *     feed has reached its time
 * @param maxSignInSilence a stretch this long without any sign-in of the tenant, at hours it
 *     usually has sign-ins, is a feed outage: uses of tokens that may have been issued in it get no
 *     verdict
 */
public record OrphanTokenSettings(
    Duration lookback,
    Duration grace,
    Duration quietPeriod,
    Duration maxWait,
    Duration maxSignInSilence) {

  public static final String LOOKBACK = "lookback";
  public static final String GRACE = "grace";
  public static final String QUIET = "incident.quiet";
  public static final String MAX_WAIT = "max.wait";
  public static final String MAX_SILENCE = "max.signin.silence";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              LOOKBACK,
              Type.STRING,
              "24h",
              DurationValue.between(Duration.ofMinutes(5), Duration.ofDays(30)),
              Importance.MEDIUM,
              "How long before a use its token or session may have been issued in the sign-in"
                  + " logs.")
          .define(
              GRACE,
              Type.STRING,
              "90m",
              DurationValue.between(Duration.ZERO, Duration.ofDays(1)),
              Importance.MEDIUM,
              "How long (tenant event time) a use's check waits for a sign-in that arrives late; a"
                  + " check also waits until the tenant's sign-in feed has reached the use's time.")
          .define(
              QUIET,
              Type.STRING,
              "24h",
              DurationValue.between(Duration.ofMinutes(5), Duration.ofDays(30)),
              Importance.LOW,
              "An account's orphan-token incident closes after this long without another orphan"
                  + " use.")
          .define(
              MAX_WAIT,
              Type.STRING,
              "6h",
              DurationValue.between(Duration.ZERO, Duration.ofDays(7)),
              Importance.LOW,
              "A use is judged at the latest this long after it (tenant event time), even if the"
                  + " tenant's sign-in feed has not reached the use's time yet.")
          .define(
              MAX_SILENCE,
              Type.STRING,
              "2h",
              DurationValue.between(Duration.ofMinutes(10), Duration.ofDays(1)),
              Importance.LOW,
              "A stretch this long without any sign-in of the tenant, at hours it usually has"
                  + " sign-ins (its last four weeks), is a sign-in feed outage: uses of tokens that"
                  + " may have been issued in it get no orphan-token verdict. Hours the tenant is"
                  + " quiet on most days (nights, weekends) are no outage.");

  /** The rule's settings, keys relative to {@code rule.orphan-token.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static OrphanTokenSettings from(AbstractConfig config) {
    return new OrphanTokenSettings(
        DurationValue.parse(config.getString(LOOKBACK)),
        DurationValue.parse(config.getString(GRACE)),
        DurationValue.parse(config.getString(QUIET)),
        DurationValue.parse(config.getString(MAX_WAIT)),
        DurationValue.parse(config.getString(MAX_SILENCE)));
  }
}
