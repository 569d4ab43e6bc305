package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;

/**
 * A stolen token replayed from a VPS abroad while the victim keeps using it at home: 3–10 binds
 * totalling 9–149 items within 5–30 minutes, same uti, session, client app and client string as the
 * victim's. Played in the VPN tenant, where a cloud ASN (the corporate Zscaler) is everyday
 * traffic, so "hosting ASN" alone cannot tell the two apart; the VPS is new for the account and
 * rare in the tenant. Shape after the simulator's own token-replay attack.
 */
final class TokenReplayVpsScript implements ScenarioScript {

  private User victim;

  @Override
  public ScenarioType type() {
    return ScenarioType.TOKEN_REPLAY_VPS;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    victim = call.cast(Roles.laptopWorker("the victim of a token replay"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(victim);
    var opening =
        TokenOpenings.pick(
            rng,
            period,
            Duration.ofMinutes(12),
            period.start().plus(Duration.ofMinutes(45)),
            victim.upn());
    long span = opening.length().toSeconds();
    Duration duration =
        Draw.between(rng, Duration.ofMinutes(5), Duration.ofSeconds(Math.min(span, 1800)));
    Instant start = opening.from().plusSeconds(rng.nextLong(span - duration.toSeconds() + 1));
    Network vps = Acts.hostingAbroad(rng, p.stage().catalogue(), victim.homeIsp().country());
    String ip = vps.randomAddress(rng);
    int records = Draw.between(rng, 3, 10);
    int total = Draw.between(rng, records * 3, Math.min(149, records * 14));
    Allocation items = new Allocation(rng, total, records, 1, 25);

    Scene scene = new Scene().account(victim.upn());
    for (long second : Acts.spread(rng, start, duration.toSeconds(), records)) {
      scene.add(
          Acts.ownBind(
              victim,
              Instant.ofEpochSecond(second),
              items.next(),
              ip,
              period.sessionId(),
              opening.token(),
              rng));
    }
    return scene
        .parameter("victimAsn", victim.homeIsp().asn())
        .parameter("attackerAsn", vps.asn())
        .parameter("attackerCountry", vps.country())
        .parameter("attackerIp", ip)
        .parameter("binds", records)
        .parameter("items", total)
        .parameter("uniqueTokenId", opening.token().uti().asUti())
        .summary(
            String.format(
                "token %s of %s replayed from %s AS%d (%s) while the victim uses it from AS%d:"
                    + " %d binds, %d items",
                opening.token().uti().asUti(),
                victim.upn(),
                vps.organisation(),
                vps.asn(),
                vps.country(),
                victim.homeIsp().asn(),
                records,
                total));
  }
}
