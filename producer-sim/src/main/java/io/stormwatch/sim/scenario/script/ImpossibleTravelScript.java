package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.City;
import io.stormwatch.sim.world.Country;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A stolen token used through a residential proxy on another continent 2–10 minutes after the
 * victim last used it at home: no hosting ASN to give it away (Midnight Blizzard and others rent
 * residential proxies), only the speed between the two uses, far beyond any flight.
 */
final class ImpossibleTravelScript implements ScenarioScript {

  private User victim;

  @Override
  public ScenarioType type() {
    return ScenarioType.TOKEN_REPLAY_IMPOSSIBLE_TRAVEL;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    victim = call.cast(Roles.laptopWorker("the victim of a token replay via a residential proxy"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(victim);
    var opening =
        TokenOpenings.pick(
            rng,
            period,
            Duration.ofMinutes(40),
            period.start().plus(Duration.ofMinutes(45)),
            victim.upn());
    // The victim's own uses of the token at home, from the background of the day.
    List<Instant> homeUses =
        p.dayActivity(victim).stream()
            .filter(
                e -> e instanceof MailboxAccess mail && mail.uti().equals(opening.token().uti()))
            .map(SimEvent::time)
            .filter(
                t ->
                    !t.isBefore(opening.from())
                        && t.isBefore(opening.to().minus(Duration.ofMinutes(25))))
            .toList();
    if (homeUses.isEmpty()) {
      throw new IllegalStateException(
          victim + " never used token " + opening.token().uti().asUti());
    }
    Instant lastHomeUse = homeUses.get(rng.nextInt(homeUses.size()));
    Instant start = lastHomeUse.plusSeconds(Draw.between(rng, 120, 600));

    Country far = victim.country() == Country.JP ? Country.AU : Country.JP;
    List<Network> proxies = p.stage().catalogue().residential(far);
    Network proxy = proxies.get(rng.nextInt(proxies.size()));
    City proxyCity = far.cities().get(rng.nextInt(far.cities().size()));
    String ip = proxy.randomAddress(rng);
    int records = Draw.between(rng, 3, 8);
    Duration duration = Duration.ofMinutes(Draw.between(rng, 5, 15));

    Scene scene = new Scene().account(victim.upn());
    int items = 0;
    for (long second : Acts.spread(rng, start, duration.toSeconds(), records)) {
      int count = Draw.between(rng, 1, 12);
      items += count;
      scene.add(
          Acts.ownBind(
              victim,
              Instant.ofEpochSecond(second),
              count,
              ip,
              period.sessionId(),
              opening.token(),
              rng));
    }
    double km = Acts.distanceKm(victim.city(), proxyCity);
    double minutes = Duration.between(lastHomeUse, start).toSeconds() / 60.0;
    return scene
        .parameter("victimCity", victim.city().name())
        .parameter("victimAsn", victim.homeIsp().asn())
        .parameter("proxyAsn", proxy.asn())
        .parameter("proxyCountry", proxy.country())
        .parameter("proxyCity", proxyCity.name())
        .parameter("distanceKm", Math.round(km))
        .parameter("minutesAfterHomeUse", minutes)
        .parameter("speedKmPerHour", Math.round(km / (minutes / 60.0)))
        .parameter("binds", records)
        .parameter("items", items)
        .parameter("uniqueTokenId", opening.token().uti().asUti())
        .summary(
            String.format(
                "token %s of %s used from %s AS%d (%s, %s) %.0f minutes after its owner used it in"
                    + " %s: %.0f km, %.0f km/h",
                opening.token().uti().asUti(),
                victim.upn(),
                proxy.organisation(),
                proxy.asn(),
                proxyCity.name(),
                proxy.country(),
                minutes,
                victim.city().name(),
                km,
                km / (minutes / 60.0)));
  }
}
