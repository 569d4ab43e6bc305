package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.City;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Building blocks the scripts share: reads, tokens, times, distances. */
final class Acts {

  /** A bind of some items at a whole second. */
  record Read(Instant at, int items) {}

  private Acts() {}

  /** A MailItemsAccessed bind of the owner's mailbox with a token of the owner's. */
  static MailboxAccess bind(
      User owner,
      Instant at,
      int items,
      String clientAppId,
      String clientInfoString,
      String ip,
      Id128 sessionId,
      Id128 uti,
      Instant tokenIssuedAt,
      SplittableRandom rng) {
    return MailboxAccess.byOwner(
        at,
        Id128.randomGuid(rng),
        owner,
        MailAccessType.BIND,
        items,
        clientAppId,
        clientInfoString,
        ip,
        sessionId,
        uti,
        tokenIssuedAt,
        rng.nextLong());
  }

  /** {@link #bind} with the owner's own client. */
  static MailboxAccess ownBind(
      User owner,
      Instant at,
      int items,
      String ip,
      Id128 sessionId,
      TokenGrant token,
      SplittableRandom rng) {
    return bind(
        owner,
        at,
        items,
        owner.client().app().appId(),
        owner.client().clientInfoString(),
        ip,
        sessionId,
        token.uti(),
        token.issuedAt(),
        rng);
  }

  /**
   * Binds at {@code itemsPerHour} from {@code from} to {@code to}, in records of 1..{@code
   * maxPerRecord} items averaging {@code meanPerRecord}, one record per equal stratum of time.
   */
  static List<Read> reads(
      SplittableRandom rng,
      Instant from,
      Instant to,
      double itemsPerHour,
      double meanPerRecord,
      int maxPerRecord) {
    long seconds = Duration.between(from, to).toSeconds();
    int total = (int) Math.round(itemsPerHour * seconds / 3600.0);
    List<Read> reads = new ArrayList<>();
    if (total < 1 || seconds < 1) {
      return reads;
    }
    int parts = Allocation.partsFor(total, meanPerRecord, 1, maxPerRecord);
    Allocation items = new Allocation(rng, total, parts, 1, maxPerRecord);
    for (long second : spread(rng, from, seconds, parts)) {
      reads.add(new Read(Instant.ofEpochSecond(second), items.next()));
    }
    return reads;
  }

  /** {@code n} whole-second instants over {@code [start, start + seconds)}, one per stratum. */
  static long[] spread(SplittableRandom rng, Instant start, long seconds, int n) {
    long[] times = new long[n];
    long base = start.getEpochSecond();
    for (int i = 0; i < n; i++) {
      long from = i * seconds / n;
      long to = (i + 1) * seconds / n;
      times[i] = base + from + (to > from ? rng.nextLong(to - from) : 0);
    }
    return times;
  }

  /**
   * Tokens a client obtains from {@code first} until {@code until}: each lives 60–90 minutes and is
   * refreshed 2–8 minutes before it expires; only the first may be interactive.
   */
  static List<TokenGrant> tokens(
      SplittableRandom rng, Instant first, Instant until, boolean firstInteractive) {
    List<TokenGrant> grants = new ArrayList<>();
    Instant issued = first.plusNanos(100L * rng.nextInt(10_000_000));
    boolean interactive = firstInteractive;
    while (issued.isBefore(until)) {
      Duration life = Duration.ofMinutes(60 + rng.nextInt(31));
      grants.add(
          new TokenGrant(
              Id128.randomBytes(rng),
              Id128.randomGuid(rng),
              Id128.randomGuid(rng),
              issued,
              issued.plus(life),
              interactive));
      issued = issued.plus(life).minus(Duration.ofMinutes(2 + rng.nextInt(7)));
      interactive = false;
    }
    return grants;
  }

  /**
   * A hosting network outside {@code country}: attackers rent servers abroad (any hosting network
   * when the catalogue has none abroad).
   */
  static Network hostingAbroad(SplittableRandom rng, NetworkCatalogue catalogue, String country) {
    List<Network> abroad =
        catalogue.hosting().stream().filter(n -> !n.country().equals(country)).toList();
    return Draw.oneOf(rng, abroad.isEmpty() ? catalogue.hosting() : abroad);
  }

  /** Great-circle distance in kilometres. */
  static double distanceKm(City a, City b) {
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371.0 * Math.asin(Math.sqrt(h));
  }

  /** A random instant in {@code [from, to)}, whole seconds. */
  static Instant between(SplittableRandom rng, Instant from, Instant to) {
    long span = Duration.between(from, to).toSeconds();
    return Instant.ofEpochSecond(from.getEpochSecond() + (span > 0 ? rng.nextLong(span) : 0));
  }
}
