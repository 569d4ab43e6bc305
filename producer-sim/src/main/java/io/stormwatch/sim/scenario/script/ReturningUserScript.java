package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioSettings;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.Costumes;
import io.stormwatch.sim.world.ReadingBand;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A user back from two weeks' leave (no activity at all for the 14 days before the scenario day; a
 * working week of history before that). Outlook re-synchronises 25–40 folders at the first sign-in,
 * and the user catches up on top of their usual reading: about 3.5 times their usual hourly rate in
 * the first hour, twice it in the second, 1.5 times in the third, in the same session, token,
 * client and network as always.
 */
final class ReturningUserScript implements ScenarioScript {

  private User returner;

  @Override
  public ScenarioType type() {
    return ScenarioType.RETURNING_FROM_LEAVE;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    returner =
        call.cast(
            Roles.outlookDesktopWorker("a user back from two weeks off")
                .wearing(
                    u -> Costumes.withReading(u, ReadingBand.NORMAL, Roles.rateFor(u, 85, 115))));
    LocalDate day = call.stage().day();
    call.tenant()
        .habits()
        .addLeave(returner.upn(), day.minusDays(ScenarioSettings.LEAVE_DAYS), day.minusDays(1));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(returner);
    Scene scene = new Scene().account(returner.upn());
    ItemsPerHour hourly = new ItemsPerHour();
    p.dayActivity(returner).forEach(hourly::add);

    // Outlook reconnects after two weeks offline and re-synchronises the mailbox's folders.
    int folders = 25 + rng.nextInt(16);
    List<String> tree = FolderTree.of(returner.seed(), folders);
    MailboxIdentity mailbox = MailboxIdentity.of(returner);
    long[] syncTimes = Acts.spread(rng, period.start().plusSeconds(30), 600, folders);
    for (int i = 0; i < folders; i++) {
      Instant at = Instant.ofEpochSecond(syncTimes[i]);
      var token = period.grantAt(at);
      MailboxAccess sync =
          MailboxAccess.at(at, Id128.randomGuid(rng), returner.tenant())
              .by(Accessor.of(returner))
              .of(mailbox)
              .sync(List.of(tree.get(i)))
              .client(returner.client().app().appId(), returner.client().clientInfoString())
              .from(period.homeIp())
              .token(period.sessionId(), token.uti(), token.issuedAt())
              .contentSeed(rng.nextLong())
              .build();
      scene.add(sync);
      hourly.add(sync);
    }
    // Catching up, on top of the usual reading the background already has.
    double[] extraMultiples = {2.5, 1.0, 0.5};
    int extraItems = 0;
    for (int hour = 0; hour < extraMultiples.length; hour++) {
      Instant from = period.start().plus(Duration.ofMinutes(2 + 60L * hour));
      double rate = returner.itemsPerHour() * extraMultiples[hour] * (0.9 + 0.2 * rng.nextDouble());
      for (Acts.Read read : Acts.reads(rng, from, from.plus(Duration.ofHours(1)), rate, 5.5, 10)) {
        var bind =
            Acts.ownBind(
                returner,
                read.at(),
                read.items(),
                period.homeIp(),
                period.sessionId(),
                period.grantAt(read.at()),
                rng);
        scene.add(bind);
        hourly.add(bind);
        extraItems += read.items();
      }
    }
    return scene
        .parameter("leaveDays", ScenarioSettings.LEAVE_DAYS)
        .parameter("usualItemsPerHour", returner.itemsPerHour())
        .parameter("foldersResynced", folders)
        .parameter("catchUpItems", extraItems)
        .parameter("maxItemsInAnHour", hourly.max())
        .summary(
            String.format(
                "%s returns after %d days off: %d folders re-synced and %d extra items read in three"
                    + " hours (usually %d an hour; at most %d binds+folders in an hour)",
                returner.upn(),
                ScenarioSettings.LEAVE_DAYS,
                folders,
                extraItems,
                returner.itemsPerHour(),
                hourly.max()));
  }
}
