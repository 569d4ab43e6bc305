package io.stormwatch.sim.scenario.stage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a tenant's sign-in logs reach the pipeline.
 *
 * @param mode normal, none at all, lagging, or interrupted
 * @param lag how long after their event time sign-in records arrive (LAGGING only)
 * @param outageFrom first instant whose sign-ins are lost (OUTAGE only)
 * @param outageTo end of the outage, exclusive (OUTAGE only)
 */
public record SignInDelivery(Mode mode, Duration lag, Instant outageFrom, Instant outageTo) {

  /** The ways sign-in logs arrive. */
  public enum Mode {
    NORMAL,
    NONE,
    LAGGING,
    OUTAGE
  }

  public static final SignInDelivery NORMAL =
      new SignInDelivery(Mode.NORMAL, Duration.ZERO, null, null);

  public static final SignInDelivery NONE =
      new SignInDelivery(Mode.NONE, Duration.ZERO, null, null);

  public SignInDelivery {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(lag, "lag");
  }

  public static SignInDelivery lagging(Duration lag) {
    return new SignInDelivery(Mode.LAGGING, lag, null, null);
  }

  public static SignInDelivery outage(Instant from, Instant to) {
    return new SignInDelivery(Mode.OUTAGE, Duration.ZERO, from, to);
  }

  /** Whether a sign-in that happened at {@code time} ever reaches the pipeline. */
  public boolean delivers(Instant time) {
    return switch (mode) {
      case NORMAL, LAGGING -> true;
      case NONE -> false;
      case OUTAGE -> time.isBefore(outageFrom) || !time.isBefore(outageTo);
    };
  }

  /** How long after it happened a delivered sign-in arrives. */
  public Duration delay() {
    return mode == Mode.LAGGING ? lag : Duration.ZERO;
  }
}
