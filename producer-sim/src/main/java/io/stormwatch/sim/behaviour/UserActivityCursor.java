package io.stormwatch.sim.behaviour;

import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.random.StreamLabel;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Walks one user's plan forward in event time and yields their benign records one by one.
 *
 * <p>The cursor holds only the current period's state, so a world of many users can be generated
 * slice by slice in bounded memory. Reads, roaming and record contents draw from separate streams,
 * and the cursor always generates the same sequence whatever slice boundaries it is asked for.
 */
public final class UserActivityCursor {

  private static final Duration FIRST_READ_MIN_DELAY = Duration.ofSeconds(20);
  private static final Duration FIRST_READ_MAX_DELAY = Duration.ofSeconds(60);
  private static final Duration HOP_MIN = Duration.ofMinutes(5);
  private static final Duration HOP_MAX = Duration.ofMinutes(20);

  private final User user;
  private final List<ActivePeriod> periods;
  private final SplittableRandom readRng;
  private final SplittableRandom roamRng;
  private final SplittableRandom contentRng;

  private int periodIndex = -1;
  private ActivePeriod period;
  private int nextGrantIndex;
  private TokenGrant currentGrant;
  private HourlyReadSchedule reads;
  private int syncsLeft;
  private long nextSyncSecond;
  private String ip;
  private Instant nextHop;
  private SimEvent lookahead;

  public UserActivityCursor(UserPlan plan) {
    this.user = plan.user();
    this.periods = plan.periods();
    this.readRng = Seeds.stream(user.seed(), StreamLabel.READS);
    this.roamRng = Seeds.stream(user.seed(), StreamLabel.ROAMING);
    this.contentRng = Seeds.stream(user.seed(), StreamLabel.CONTENT);
  }

  /** Adds every event before {@code limit} that has not been emitted yet, in time order. */
  public void emitBefore(Instant limit, List<SimEvent> out) {
    while (true) {
      if (lookahead == null) {
        lookahead = produceNext();
        if (lookahead == null) {
          return;
        }
      }
      if (!lookahead.time().isBefore(limit)) {
        return;
      }
      out.add(lookahead);
      lookahead = null;
    }
  }

  private SimEvent produceNext() {
    while (true) {
      if (period == null && !openNextPeriod()) {
        return null;
      }
      Instant grantTime =
          nextGrantIndex < period.grants().size()
              ? period.grants().get(nextGrantIndex).issuedAt()
              : null;
      long syncSecond = syncsLeft > 0 ? nextSyncSecond : Long.MAX_VALUE;
      long readSecond = reads.hasNext() ? reads.peekSecond() : Long.MAX_VALUE;
      long mailSecond = Math.min(syncSecond, readSecond);
      if (grantTime == null && mailSecond == Long.MAX_VALUE) {
        period = null;
        continue;
      }
      Instant at = mailSecond == Long.MAX_VALUE ? null : Instant.ofEpochSecond(mailSecond);
      // A token issued at 10:00:00.5 is not yet in use by a read stamped 10:00:00.
      if (grantTime != null && (at == null || !grantTime.isAfter(at))) {
        return signIn(period.grants().get(nextGrantIndex++));
      }
      roamUntil(at);
      if (syncSecond <= readSecond) {
        syncsLeft--;
        nextSyncSecond += Draw.between(contentRng, 5, 40);
        return mailAccess(at, MailAccessType.SYNC, Draw.between(contentRng, 2, 6));
      }
      return mailAccess(at, MailAccessType.BIND, reads.next());
    }
  }

  private boolean openNextPeriod() {
    if (++periodIndex >= periods.size()) {
      return false;
    }
    period = periods.get(periodIndex);
    nextGrantIndex = 0;
    currentGrant = null;
    long firstRead =
        period.start().getEpochSecond()
            + Draw.between(readRng, FIRST_READ_MIN_DELAY, FIRST_READ_MAX_DELAY).toSeconds();
    reads =
        new HourlyReadSchedule(
            readRng,
            firstRead,
            period.end().getEpochSecond(),
            user.readingBand(),
            user.itemsPerHour());
    boolean syncs = period.startOfDay() && user.client() == ClientProfile.OUTLOOK_DESKTOP;
    syncsLeft = syncs ? Draw.between(contentRng, 1, 3) : 0;
    nextSyncSecond = period.start().getEpochSecond() + Draw.between(contentRng, 5, 30);
    if (user.client().isMobile()) {
      ip = user.carrier().randomAddress(roamRng);
      nextHop = period.start().plus(Draw.between(roamRng, HOP_MIN, HOP_MAX));
    } else {
      ip = period.homeIp();
      nextHop = null;
    }
    return true;
  }

  /** Mobile clients hop to a new address inside their carrier every 5–20 minutes. */
  private void roamUntil(Instant at) {
    while (nextHop != null && !nextHop.isAfter(at)) {
      ip = user.carrier().randomAddress(roamRng);
      nextHop = nextHop.plus(Draw.between(roamRng, HOP_MIN, HOP_MAX));
    }
  }

  private SignIn signIn(TokenGrant grant) {
    roamUntil(grant.issuedAt());
    currentGrant = grant;
    return grant.signIn(user, period.sessionId(), user.usualNetwork(), ip);
  }

  private MailboxAccess mailAccess(Instant at, MailAccessType type, int count) {
    ClientProfile client = user.client();
    return MailboxAccess.byOwner(
        at,
        Id128.randomGuid(contentRng),
        user,
        type,
        count,
        client.app().appId(),
        client.clientInfoString(),
        ip,
        period.sessionId(),
        currentGrant.uti(),
        currentGrant.issuedAt(),
        contentRng.nextLong());
  }
}
