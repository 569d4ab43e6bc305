package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.ScenarioNetworks;
import io.stormwatch.sim.scenario.stream.Silence;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Outlook for iOS and Android is "fully powered by the Microsoft Cloud": a protocol translator run
 * in Azure reads the mailbox on the phone's behalf (Microsoft Learn, "Outlook for iOS and Android
 * in Exchange Online"). The phone obtains the token on its UK carrier; three quarters of the
 * mailbox reads with that token then come from a few Azure West Europe addresses (AS8075,
 * geolocated in the Netherlands), the rest straight from the phone. One token, two ASNs and two
 * countries minutes apart, one of them Microsoft's own, which the rule ignores.
 */
final class MicrosoftEgressScript implements ScenarioScript {

  static final Duration WINDOW = Duration.ofMinutes(45);
  static final double FROM_MICROSOFT = 0.75;

  private User phoneUser;

  @Override
  public ScenarioType type() {
    return ScenarioType.OUTLOOK_MOBILE_MICROSOFT_EGRESS;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    phoneUser = call.cast(Roles.phoneWorker("an Outlook Mobile user"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(phoneUser);
    var opening = TokenOpenings.pick(rng, period, WINDOW, period.start(), phoneUser.upn());
    Instant from = Acts.between(rng, opening.from(), opening.to().minus(WINDOW));
    Instant to = from.plus(WINDOW);
    Network microsoft = ScenarioNetworks.MICROSOFT_WEST_EUROPE;
    List<String> serviceIps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      serviceIps.add(microsoft.randomAddress(rng));
    }
    Scene scene =
        new Scene()
            .account(phoneUser.upn())
            .silence(new Silence(phoneUser.upn(), from, to, Silence.Scope.MAIL));
    int viaMicrosoft = 0;
    int direct = 0;
    long at = from.getEpochSecond() + rng.nextInt(60);
    while (at < to.getEpochSecond()) {
      boolean service = rng.nextDouble() < FROM_MICROSOFT;
      String ip =
          service
              ? serviceIps.get(rng.nextInt(serviceIps.size()))
              : phoneUser.carrier().randomAddress(rng);
      if (service) {
        viaMicrosoft++;
      } else {
        direct++;
      }
      scene.add(
          Acts.ownBind(
              phoneUser,
              Instant.ofEpochSecond(at),
              1 + rng.nextInt(6),
              ip,
              period.sessionId(),
              opening.token(),
              rng));
      at += 60 + rng.nextInt(121);
    }
    return scene
        .parameter("microsoftAsn", microsoft.asn())
        .parameter("microsoftCountry", microsoft.country())
        .parameter("carrierAsn", phoneUser.carrier().asn())
        .parameter("carrierCountry", phoneUser.carrier().country())
        .parameter("bindsViaMicrosoft", viaMicrosoft)
        .parameter("bindsDirect", direct)
        .parameter("uniqueTokenId", opening.token().uti().asUti())
        .summary(
            String.format(
                "%s's Outlook Mobile token %s used from Microsoft AS%d (%s) %d times and from the"
                    + " phone's carrier AS%d (%s) %d times",
                phoneUser.upn(),
                opening.token().uti().asUti(),
                microsoft.asn(),
                microsoft.country(),
                viaMicrosoft,
                phoneUser.carrier().asn(),
                phoneUser.carrier().country(),
                direct));
  }
}
