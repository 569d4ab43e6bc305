package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.Role;
import io.stormwatch.sim.scenario.stage.SharedMailbox;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An accounts-payable team of three reads the shared mailbox {@code accounts.payable@<domain>} as
 * delegates: {@code LogonType} 2, {@code UserId} the delegate, {@code MailboxOwnerUPN} the shared
 * mailbox, each with their own client, token, session and address. Every delegate reads it on each
 * working day of the history; on the scenario day each works three 45-minute stretches on it at
 * 40–90 items an hour, so the shared mailbox sees reads from three people, in three places, with
 * three tokens, none of them its owner's.
 */
final class SharedMailboxScript implements ScenarioScript {

  static final int DELEGATES = 3;

  private SharedMailbox shared;

  @Override
  public ScenarioType type() {
    return ScenarioType.SHARED_MAILBOX_DELEGATES;
  }

  @Override
  public int actorCount() {
    return DELEGATES;
  }

  @Override
  public void cast(CastingCall call) {
    List<User> delegates = new ArrayList<>();
    for (int i = 0; i < DELEGATES; i++) {
      delegates.add(call.cast(Role.worker("a delegate of the accounts-payable mailbox")));
    }
    Tenant tenant = call.tenant().tenant();
    var rng = call.rng();
    String local = call.instance() == 1 ? "accounts.payable" : "accounts.payable" + call.instance();
    var prefixes = tenant.country().mailboxServerPrefixes();
    MailboxIdentity mailbox =
        new MailboxIdentity(
            local + "@" + tenant.domain(),
            tenant.sidPrefix() + "-" + (9000 + call.instance()),
            Id128.randomGuid(rng).asGuid(),
            prefixes.get(rng.nextInt(prefixes.size())) + Draw.between(rng, 1000, 9999),
            tenant.country().exchangeRegion(),
            rng.nextLong());
    shared = new SharedMailbox(mailbox, delegates);
    call.tenant().habits().addSharedMailbox(shared);
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    Scene scene = new Scene().account(shared.mailbox().upn());
    ItemsPerHour combined = new ItemsPerHour();
    int records = 0;
    for (User delegate : shared.delegates()) {
      scene.account(delegate.upn());
      ActivePeriod period = p.workPeriod(delegate);
      long hours = Duration.between(period.start(), period.end()).toHours();
      for (int stretch = 0; stretch < 3; stretch++) {
        Instant from =
            period
                .start()
                .plus(Duration.ofMinutes(20 + stretch * (hours * 60 - 70) / 3 + rng.nextInt(20)));
        Instant to = from.plus(Duration.ofMinutes(45));
        int rate = Draw.between(rng, 40, 90);
        for (Acts.Read read : Acts.reads(rng, from, to, rate, 6, 12)) {
          TokenGrant token = period.grantAt(read.at());
          String ip =
              period.homeIp() != null ? period.homeIp() : delegate.carrier().randomAddress(rng);
          MailboxAccess access =
              MailboxAccess.at(read.at(), Id128.randomGuid(rng), delegate.tenant())
                  .by(Accessor.of(delegate))
                  .of(shared.mailbox())
                  .logonType(MailboxAccess.DELEGATE)
                  .bind(read.items(), List.of("\\Inbox"))
                  .client(delegate.client().app().appId(), delegate.client().clientInfoString())
                  .from(ip)
                  .token(period.sessionId(), token.uti(), token.issuedAt())
                  .contentSeed(rng.nextLong())
                  .build();
          scene.add(access);
          combined.add(access);
          records++;
        }
      }
    }
    return scene
        .parameter("sharedMailbox", shared.mailbox().upn())
        .parameter("delegates", DELEGATES)
        .parameter("delegateReads", records)
        .parameter("maxCombinedItemsInAnHour", combined.max())
        .summary(
            String.format(
                Locale.ROOT,
                "%d delegates read %s (LogonType 2) with their own tokens: %d records, at most %d"
                    + " items an hour together",
                DELEGATES,
                shared.mailbox().upn(),
                records,
                combined.max()));
  }
}
