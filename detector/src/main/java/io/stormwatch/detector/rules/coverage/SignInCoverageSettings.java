package io.stormwatch.detector.rules.coverage;

import io.stormwatch.detector.config.types.DurationValue;
import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Parameters of the sign-in coverage-gap rule, and the settings they are read from (under {@code
 * rule.signin-coverage-gap.}).
 *
 * @param silence how long a tenant's sign-in feed may be silent, while its token uses go on and at
 *     hours it usually has sign-ins, before the tenant is reported as a coverage gap (and its
 *     unverifiable uses are not reported one by one)
 * @param idleReset a tenant without token use for this long starts its silence clock afresh
 */
public record SignInCoverageSettings(Duration silence, Duration idleReset) {

  public static final String SILENCE = "silence";
  public static final String IDLE_RESET = "idle.reset";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              SILENCE,
              Type.STRING,
              "4h",
              DurationValue.between(Duration.ofMinutes(10), Duration.ofDays(30)),
              Importance.MEDIUM,
              "A tenant whose tokens are used for this long (event time) without a sign-in"
                  + " arriving, at hours it usually has sign-ins, is reported once as a coverage gap"
                  + " instead of one orphan-token alert per use.")
          .define(
              IDLE_RESET,
              Type.STRING,
              "2h",
              DurationValue.between(Duration.ofMinutes(10), Duration.ofDays(1)),
              Importance.LOW,
              "A tenant with no token use for this long (a night) starts counting its sign-in"
                  + " silence afresh.");

  /** The rule's settings, keys relative to {@code rule.signin-coverage-gap.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static SignInCoverageSettings from(AbstractConfig config) {
    return new SignInCoverageSettings(
        DurationValue.parse(config.getString(SILENCE)),
        DurationValue.parse(config.getString(IDLE_RESET)));
  }
}
