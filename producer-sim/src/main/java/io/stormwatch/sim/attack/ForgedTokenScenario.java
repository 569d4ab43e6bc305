package io.stormwatch.sim.attack;

import static io.stormwatch.sim.attack.AttackWindow.earlier;
import static io.stormwatch.sim.attack.AttackWindow.later;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Mailbox access with a token that no sign-in issued, as with Storm-0558's forged tokens.
 *
 * <p>The token has a fresh uti and either no Entra session or one Entra never saw; it is presented
 * from a VPS by a REST client registered under an application the tenant never uses. The attacker
 * first probes with a few small binds, then collects 1,000–3,000 items within 30–60 minutes. No
 * sign-in record exists for it.
 */
final class ForgedTokenScenario implements AttackScenario {

  /** The attacker's application: a third-party id no simulated tenant ever uses. */
  static final String ROGUE_APP_ID = "4f5a9c2e-7d3b-4e81-9b6a-2c0d8e1f3a57";

  /** How Exchange describes a REST (Graph / Outlook REST) client. */
  static final String REST_CLIENT_INFO = "Client=REST;Client=RESTSystem;;";

  static final int MIN_TOTAL_ITEMS = 1_000;
  static final int MAX_TOTAL_ITEMS = 3_000;
  static final Duration MIN_DURATION = Duration.ofMinutes(30);
  static final Duration MAX_DURATION = Duration.ofMinutes(60);
  private static final int BULK_MIN = 20;
  private static final int BULK_MAX = 60;
  private static final double BULK_MEAN = 40;

  private record Opening(User victim, Instant from, Instant to) {}

  @Override
  public AttackType type() {
    return AttackType.FORGED_TOKEN;
  }

  @Override
  public Optional<InjectedAttack> inject(
      String attackId, TenantAttackContext context, SplittableRandom rng) {
    List<Opening> openings = openings(context);
    if (openings.isEmpty()) {
      return Optional.empty();
    }
    Opening opening = Draw.oneOf(rng, openings);
    User victim = opening.victim();
    long span = Duration.between(opening.from(), opening.to()).toSeconds();
    Instant start = opening.from().plusSeconds(rng.nextLong(span + 1));
    Duration longest =
        Duration.ofSeconds(
            Math.min(
                MAX_DURATION.toSeconds(),
                Duration.between(start, context.window().end()).toSeconds()));
    Duration duration = Draw.between(rng, MIN_DURATION, longest);

    Id128 uti = Id128.randomBytes(rng);
    Id128 sessionId = Draw.chance(rng, 0.5) ? Id128.randomGuid(rng) : null;
    Instant issuedAt =
        start
            .minus(Draw.between(rng, Duration.ofMinutes(1), Duration.ofMinutes(10)))
            .truncatedTo(ChronoUnit.SECONDS);
    Network network = context.attackerNetwork(rng, victim.usualNetwork().country());
    String ip = network.randomAddress(rng);
    AttackRecords out = new AttackRecords(attackId, type(), victim, rng);

    // Probing: a few small binds in the first minutes.
    int probes = Draw.between(rng, 3, 5);
    long probeSeconds = Math.min(Duration.ofMinutes(8).toSeconds(), duration.toSeconds() / 4);
    int probed = 0;
    for (long second : AttackRecords.spread(rng, start, probeSeconds, probes)) {
      int items = Draw.between(rng, 1, 5);
      probed += items;
      out.bind(
          Instant.ofEpochSecond(second),
          items,
          ROGUE_APP_ID,
          REST_CLIENT_INFO,
          ip,
          network,
          sessionId,
          uti,
          issuedAt);
    }
    // Collection: bulk REST binds until the total is reached.
    int bulkTotal = Draw.between(rng, MIN_TOTAL_ITEMS, MAX_TOTAL_ITEMS) - probed;
    int bulkRecords = Allocation.partsFor(bulkTotal, BULK_MEAN, BULK_MIN, BULK_MAX);
    Allocation bulk = new Allocation(rng, bulkTotal, bulkRecords, BULK_MIN, BULK_MAX);
    Instant bulkStart = start.plusSeconds(probeSeconds);
    long bulkSeconds = duration.toSeconds() - probeSeconds;
    for (long second : AttackRecords.spread(rng, bulkStart, bulkSeconds, bulkRecords)) {
      out.bind(
          Instant.ofEpochSecond(second),
          bulk.next(),
          ROGUE_APP_ID,
          REST_CLIENT_INFO,
          ip,
          network,
          sessionId,
          uti,
          issuedAt);
    }
    context.markVictim(victim);
    return Optional.of(
        out.build(
            String.format(
                "Unissued token %s (%s) read %s's mailbox from %s AS%d (%s) %s with app %s: %d binds, %d items",
                uti.asUti(),
                sessionId == null ? "no session" : "unknown session " + sessionId.asGuid(),
                victim.upn(),
                network.organisation(),
                network.asn(),
                network.country(),
                ip,
                ROGUE_APP_ID,
                out.recordCount(),
                out.itemCount())));
  }

  /** Stretches of activity (start instants) whose attack would still fit before the window ends. */
  private static List<Opening> openings(TenantAttackContext context) {
    AttackWindow window = context.window();
    Instant latestStart = window.end().minus(MIN_DURATION);
    List<Opening> openings = new ArrayList<>();
    for (UserPlan plan : context.availablePlans()) {
      for (ActivePeriod period : plan.periods()) {
        Instant from = later(period.start(), window.earliest());
        Instant to = earlier(period.end(), latestStart);
        if (from.isBefore(to)) {
          openings.add(new Opening(plan.user(), from, to));
        }
      }
    }
    return openings;
  }
}
