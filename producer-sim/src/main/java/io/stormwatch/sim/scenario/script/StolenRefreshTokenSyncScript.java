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
 * A stolen refresh token redeemed from a VPS abroad (a non-interactive sign-in in the victim's
 * session), then classic Outlook on the VPS downloading the whole mailbox: one Sync record per
 * folder for 300–450 folders within 20–40 minutes, the client and client string the victim's own.
 * Nothing is read item by item and the volume stays under the burst threshold: only where the sync
 * comes from — a network the account never signed in from interactively — gives it away.
 */
final class StolenRefreshTokenSyncScript implements ScenarioScript {

  private User victim;

  @Override
  public ScenarioType type() {
    return ScenarioType.STOLEN_REFRESH_TOKEN_SYNC;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    victim = call.cast(Roles.outlookDesktopWorker("the victim of a stolen refresh token"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(victim);
    Network vps = Acts.hostingAbroad(rng, p.stage().catalogue(), victim.homeIsp().country());
    String ip = vps.randomAddress(rng);
    Instant redeemed = period.start().plus(Duration.ofMinutes(Draw.between(rng, 60, 240)));
    TokenGrant token = Acts.tokens(rng, redeemed, redeemed.plusSeconds(1), false).get(0);
    Scene scene = new Scene().account(victim.upn());
    scene.add(token.signIn(victim, period.sessionId(), vps, ip));

    int folders =
        Draw.between(rng, NewDeviceSyncScript.MIN_FOLDERS, NewDeviceSyncScript.MAX_FOLDERS);
    Duration syncing = Duration.ofMinutes(Draw.between(rng, 20, 40));
    List<String> tree = FolderTree.of(victim.seed(), folders);
    MailboxIdentity mailbox = MailboxIdentity.of(victim);
    long[] times = Acts.spread(rng, token.issuedAt().plusSeconds(20), syncing.toSeconds(), folders);
    for (int i = 0; i < folders; i++) {
      scene.add(
          MailboxAccess.at(Instant.ofEpochSecond(times[i]), Id128.randomGuid(rng), victim.tenant())
              .by(Accessor.of(victim))
              .of(mailbox)
              .sync(List.of(tree.get(i)))
              .client(victim.client().app().appId(), victim.client().clientInfoString())
              .from(ip)
              .token(period.sessionId(), token.uti(), token.issuedAt())
              .contentSeed(rng.nextLong())
              .build());
    }
    return scene
        .parameter("victimAsn", victim.homeIsp().asn())
        .parameter("attackerAsn", vps.asn())
        .parameter("attackerCountry", vps.country())
        .parameter("attackerIp", ip)
        .parameter("foldersSynced", folders)
        .parameter("syncMinutes", syncing.toMinutes())
        .summary(
            String.format(
                "%s's refresh token redeemed from %s AS%d (%s), which then syncs %d folders of the"
                    + " mailbox in %d minutes",
                victim.upn(),
                vps.organisation(),
                vps.asn(),
                vps.country(),
                folders,
                syncing.toMinutes()));
  }
}
