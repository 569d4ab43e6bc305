package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.Costumes;
import io.stormwatch.sim.world.ReadingBand;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Classic Outlook set up on a new laptop, at home, by a user (reading 80–120 items an hour) whose
 * mailbox has kept years of folders: a fresh interactive sign-in (new session), then one Sync
 * record per folder for 300–450 folders within 20–40 minutes, while the old laptop keeps working.
 * "Sync operations are only recorded when a mailbox is accessed by a desktop version of the Outlook
 * client ... we just generate an audit event for the mail folder" (Microsoft Learn,
 * MailItemsAccessed). Counting each synced folder as an item makes this look like a burst several
 * times the user's hourly reading.
 */
final class NewDeviceSyncScript implements ScenarioScript {

  static final int MIN_FOLDERS = 300;
  static final int MAX_FOLDERS = 450;

  private User owner;

  @Override
  public ScenarioType type() {
    return ScenarioType.NEW_DEVICE_FULL_SYNC;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    owner =
        call.cast(
            Roles.outlookDesktopWorker("a user setting up Outlook on a new laptop")
                .wearing(
                    u -> Costumes.withReading(u, ReadingBand.NORMAL, Roles.rateFor(u, 80, 120))));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(owner);
    Instant signIn = period.start().plus(Duration.ofMinutes(Draw.between(rng, 120, 240)));
    Id128 session = Id128.randomGuid(rng);
    TokenGrant token = Acts.tokens(rng, signIn, signIn.plusSeconds(1), true).get(0);
    Scene scene = new Scene().account(owner.upn());
    scene.add(token.signIn(owner, session, owner.homeIsp(), period.homeIp()));

    int folders = Draw.between(rng, MIN_FOLDERS, MAX_FOLDERS);
    Duration syncing = Duration.ofMinutes(Draw.between(rng, 20, 40));
    List<String> tree = FolderTree.of(owner.seed(), folders);
    MailboxIdentity mailbox = MailboxIdentity.of(owner);
    ItemsPerHour hourly = new ItemsPerHour();
    p.dayActivity(owner).forEach(hourly::add);
    long[] times = Acts.spread(rng, token.issuedAt().plusSeconds(15), syncing.toSeconds(), folders);
    for (int i = 0; i < folders; i++) {
      MailboxAccess sync =
          MailboxAccess.at(Instant.ofEpochSecond(times[i]), Id128.randomGuid(rng), owner.tenant())
              .by(Accessor.of(owner))
              .of(mailbox)
              .sync(List.of(tree.get(i)))
              .client(owner.client().app().appId(), owner.client().clientInfoString())
              .from(period.homeIp())
              .token(session, token.uti(), token.issuedAt())
              .contentSeed(rng.nextLong())
              .build();
      scene.add(sync);
      hourly.add(sync);
    }
    return scene
        .parameter("foldersSynced", folders)
        .parameter("syncMinutes", syncing.toMinutes())
        .parameter("usualItemsPerHour", owner.itemsPerHour())
        .parameter("maxItemsInAnHour", hourly.max())
        .summary(
            String.format(
                "%s's new laptop syncs %d folders in %d minutes after a fresh sign-in at home"
                    + " (usually %d items an hour; at most %d binds+folders in an hour)",
                owner.upn(), folders, syncing.toMinutes(), owner.itemsPerHour(), hourly.max()));
  }
}
