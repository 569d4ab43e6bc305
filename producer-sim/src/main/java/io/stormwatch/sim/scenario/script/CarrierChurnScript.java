package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stream.Silence;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Outlook Mobile on a commute: carrier-grade NAT gives the phone a new address every one to two and
 * a half minutes (many addresses, one carrier ASN), then the phone joins the home Wi-Fi (the home
 * broadband ASN, which the history shows the phone using on other days), all on one token. A rule
 * that counts IPs fires on the first part; one that counts ASNs without knowing the account's
 * networks fires on the hand-over.
 */
final class CarrierChurnScript implements ScenarioScript {

  static final Duration WINDOW = Duration.ofMinutes(45);
  static final Duration ON_WIFI = Duration.ofMinutes(12);

  private User commuter;

  @Override
  public ScenarioType type() {
    return ScenarioType.MOBILE_CARRIER_CHURN;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    commuter = call.cast(Roles.phoneWorker("a commuter reading mail on the phone"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(commuter);
    var opening = TokenOpenings.pick(rng, period, WINDOW, period.start(), commuter.upn());
    Instant from = Acts.between(rng, opening.from(), opening.to().minus(WINDOW));
    Instant to = from.plus(WINDOW);
    Instant wifiFrom = to.minus(ON_WIFI);
    Scene scene =
        new Scene()
            .account(commuter.upn())
            .silence(new Silence(commuter.upn(), from, to, Silence.Scope.MAIL));
    Set<String> carrierIps = new LinkedHashSet<>();
    String homeIp = commuter.homeIsp().randomAddress(rng);
    String ip = commuter.carrier().randomAddress(rng);
    long nextHop = from.getEpochSecond() + 60 + rng.nextInt(91);
    long at = from.getEpochSecond() + rng.nextInt(60);
    int records = 0;
    while (at < to.getEpochSecond()) {
      boolean onWifi = at >= wifiFrom.getEpochSecond();
      if (!onWifi && at >= nextHop) {
        ip = commuter.carrier().randomAddress(rng);
        nextHop = at + 60 + rng.nextInt(91);
      }
      String address = onWifi ? homeIp : ip;
      if (!onWifi) {
        carrierIps.add(address);
      }
      scene.add(
          Acts.ownBind(
              commuter,
              Instant.ofEpochSecond(at),
              1 + rng.nextInt(6),
              address,
              period.sessionId(),
              opening.token(),
              rng));
      records++;
      at += 40 + rng.nextInt(61);
    }
    return scene
        .parameter("carrierAsn", commuter.carrier().asn())
        .parameter("distinctCarrierIps", carrierIps.size())
        .parameter("homeWifiAsn", commuter.homeIsp().asn())
        .parameter("wifiFrom", wifiFrom)
        .parameter("binds", records)
        .parameter("uniqueTokenId", opening.token().uti().asUti())
        .summary(
            String.format(
                "%s's phone used token %s from %d addresses of %s AS%d, then from home Wi-Fi on"
                    + " AS%d",
                commuter.upn(),
                opening.token().uti().asUti(),
                carrierIps.size(),
                commuter.carrier().organisation(),
                commuter.carrier().asn(),
                commuter.homeIsp().asn()));
  }
}
