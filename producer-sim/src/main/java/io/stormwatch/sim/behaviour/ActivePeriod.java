package io.stormwatch.sim.behaviour;

import io.stormwatch.sim.random.Id128;
import java.time.Instant;
import java.util.List;

/**
 * A stretch of time in which a user's mail client is open and reading mail.
 *
 * @param sessionId the Entra session ({@code sessionId} / {@code AADSessionId}) the period belongs
 *     to; a day's work period and its evening period share one session
 * @param homeIp the user's home address that day, or {@code null} for mobile users, whose address
 *     changes inside their carrier
 * @param start when the period opens with a sign-in (the first grant's issue time)
 * @param end when the client goes quiet
 * @param startOfDay whether this is the first period of the user's day, when Outlook desktop
 *     re-syncs folders
 * @param grants tokens issued during the period, in issue order; the first at {@code start}
 */
public record ActivePeriod(
    Id128 sessionId,
    String homeIp,
    Instant start,
    Instant end,
    boolean startOfDay,
    List<TokenGrant> grants) {

  public ActivePeriod {
    grants = List.copyOf(grants);
  }

  /** The token the user's client presents at {@code instant}: the latest one issued by then. */
  public TokenGrant grantAt(Instant instant) {
    return TokenGrant.presentedAt(grants, instant);
  }

  public boolean covers(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
