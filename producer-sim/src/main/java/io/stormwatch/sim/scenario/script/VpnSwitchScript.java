package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.Role;
import io.stormwatch.sim.scenario.stream.Silence;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Three people of the VPN tenant switch the corporate Zscaler VPN on in the middle of a token's
 * life: the same token is used first from home broadband, then from a Zscaler egress address in
 * London. The Zscaler ASN is a cloud network that most of the tenant uses every few days (the
 * history shows K of M users on it), so it must count as a known, common network, not as a foreign
 * one.
 */
final class VpnSwitchScript implements ScenarioScript {

  static final int SWITCHERS = 3;
  static final Duration WINDOW = Duration.ofMinutes(40);

  private final List<User> switchers = new ArrayList<>();

  @Override
  public ScenarioType type() {
    return ScenarioType.CORPORATE_VPN_SWITCH;
  }

  @Override
  public int actorCount() {
    return SWITCHERS;
  }

  @Override
  public void cast(CastingCall call) {
    Role role =
        Role.worker("a corporate VPN user")
            .requiring(c -> c.stage().habits().vpnUser(c.user().upn()))
            .requiring(c -> c.user().client() != ClientProfile.OUTLOOK_MOBILE);
    for (int i = 0; i < SWITCHERS; i++) {
      switchers.add(call.cast(role));
    }
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    Network vpn =
        p.tenant().habits().corporateVpn().orElseThrow(() -> new IllegalStateException("no VPN"));
    Scene scene = new Scene();
    for (User user : switchers) {
      scene.account(user.upn());
      ActivePeriod period = p.workPeriod(user);
      var opening = TokenOpenings.pick(rng, period, WINDOW, period.start(), user.upn());
      Instant from = Acts.between(rng, opening.from(), opening.to().minus(WINDOW));
      Instant to = from.plus(WINDOW);
      Instant switchAt = from.plus(Duration.ofMinutes(15 + rng.nextInt(6)));
      String vpnIp = vpn.randomAddress(rng);
      scene.silence(new Silence(user.upn(), from, to, Silence.Scope.MAIL));
      long at = from.getEpochSecond() + rng.nextInt(60);
      while (at < to.getEpochSecond()) {
        Instant when = Instant.ofEpochSecond(at);
        scene.add(
            Acts.ownBind(
                user,
                when,
                1 + rng.nextInt(8),
                when.isBefore(switchAt) ? period.homeIp() : vpnIp,
                period.sessionId(),
                opening.token(),
                rng));
        at += 120 + rng.nextInt(121);
      }
      scene.parameter(user.upn() + ".switchAt", switchAt);
    }
    long vpnUsers =
        p.tenant().users().stream()
            .filter(u -> u.client() != ClientProfile.OUTLOOK_MOBILE)
            .filter(u -> p.tenant().habits().vpnUser(u.upn()))
            .count();
    return scene
        .parameter("vpnAsn", vpn.asn())
        .parameter("vpnUsersInTenant", vpnUsers + " of " + p.tenant().users().size())
        .parameter("switchers", SWITCHERS)
        .summary(
            String.format(
                "%d users switch the corporate VPN (%s AS%d) on mid-token; %d of the tenant's %d"
                    + " users work through it on some days",
                SWITCHERS, vpn.organisation(), vpn.asn(), vpnUsers, p.tenant().users().size()));
  }
}
