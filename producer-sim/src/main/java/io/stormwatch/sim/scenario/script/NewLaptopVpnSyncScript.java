package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Classic Outlook on a VPN user's new laptop: the user signs in interactively at home, switches the
 * corporate VPN on, and Outlook syncs 300–450 folders within 20–40 minutes through the VPN's egress
 * — a network the account may never have signed in from itself, but one many accounts of the tenant
 * sign in from every day.
 */
final class NewLaptopVpnSyncScript implements ScenarioScript {

  private User owner;

  @Override
  public ScenarioType type() {
    return ScenarioType.NEW_LAPTOP_CORPORATE_VPN;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    owner =
        call.cast(
            Roles.outlookDesktopWorker("a VPN user setting up Outlook on a new laptop")
                .requiring(c -> c.stage().habits().vpnUser(c.user().upn())));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    Network vpn =
        p.tenant().habits().corporateVpn().orElseThrow(() -> new IllegalStateException("no VPN"));
    String vpnIp = vpn.randomAddress(rng);
    ActivePeriod period = p.workPeriod(owner);
    Instant signIn = period.start().plus(Duration.ofMinutes(Draw.between(rng, 60, 240)));
    Id128 session = Id128.randomGuid(rng);
    TokenGrant token = Acts.tokens(rng, signIn, signIn.plusSeconds(1), true).get(0);
    Scene scene = new Scene().account(owner.upn());
    scene.add(token.signIn(owner, session, owner.homeIsp(), period.homeIp()));

    int folders =
        Draw.between(rng, NewDeviceSyncScript.MIN_FOLDERS, NewDeviceSyncScript.MAX_FOLDERS);
    Duration syncing = Duration.ofMinutes(Draw.between(rng, 20, 40));
    List<String> tree = FolderTree.of(owner.seed(), folders);
    MailboxIdentity mailbox = MailboxIdentity.of(owner);
    long[] times = Acts.spread(rng, token.issuedAt().plusSeconds(60), syncing.toSeconds(), folders);
    for (int i = 0; i < folders; i++) {
      scene.add(
          MailboxAccess.at(Instant.ofEpochSecond(times[i]), Id128.randomGuid(rng), owner.tenant())
              .by(Accessor.of(owner))
              .of(mailbox)
              .sync(List.of(tree.get(i)))
              .client(owner.client().app().appId(), owner.client().clientInfoString())
              .from(vpnIp)
              .token(session, token.uti(), token.issuedAt())
              .contentSeed(rng.nextLong())
              .build());
    }
    return scene
        .parameter("vpnAsn", vpn.asn())
        .parameter("foldersSynced", folders)
        .parameter("syncMinutes", syncing.toMinutes())
        .summary(
            String.format(
                "%s signs in at home, then the new laptop syncs %d folders in %d minutes through"
                    + " the corporate VPN (%s AS%d)",
                owner.upn(), folders, syncing.toMinutes(), vpn.organisation(), vpn.asn()));
  }
}
