package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.event.MailboxPermissionGrant;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.Role;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Mailbox delegation used for collection (T1098.002, T1114.002): an account with Exchange admin
 * rights, in an intruder's hands, gives itself FullAccess to a colleague's mailbox with {@code
 * Add-MailboxPermission} and reads it as a delegate (LogonType 2) for an hour, from the account's
 * own device, session and network, a few items at a time: nothing about the token, the client or
 * the volume is unusual; only the pair reader→mailbox is new, right after the grant.
 */
final class DelegateTakeoverScript implements ScenarioScript {

  private User intruder;
  private User victim;

  @Override
  public ScenarioType type() {
    return ScenarioType.MAILBOX_DELEGATION_TAKEOVER;
  }

  @Override
  public int actorCount() {
    return 2;
  }

  @Override
  public void cast(CastingCall call) {
    intruder = call.cast(Role.worker("the admin account that delegates a mailbox to itself"));
    victim = call.cast(Role.worker("the colleague whose mailbox is delegated and read"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(intruder);
    String ip = period.homeIp() != null ? period.homeIp() : intruder.carrier().randomAddress(rng);
    Instant granted = period.start().plus(Duration.ofMinutes(Draw.between(rng, 45, 90)));
    MailboxIdentity mailbox = MailboxIdentity.of(victim);
    Scene scene = new Scene().account(intruder.upn());
    scene.add(
        new MailboxPermissionGrant(
            granted,
            Id128.randomGuid(rng),
            intruder.tenant(),
            intruder,
            mailbox,
            intruder,
            "FullAccess",
            ip,
            Id128.randomGuid(rng)));
    Instant from = granted.plus(Duration.ofMinutes(Draw.between(rng, 3, 10)));
    int items = 0;
    int records = 0;
    for (Acts.Read read : Acts.reads(rng, from, from.plus(Duration.ofHours(1)), 60, 4, 10)) {
      TokenGrant token = period.grantAt(read.at());
      scene.add(
          MailboxAccess.at(read.at(), Id128.randomGuid(rng), intruder.tenant())
              .by(Accessor.of(intruder))
              .of(mailbox)
              .logonType(MailboxAccess.DELEGATE)
              .bind(read.items(), List.of("\\Inbox"))
              .client(intruder.client().app().appId(), intruder.client().clientInfoString())
              .from(ip)
              .token(period.sessionId(), token.uti(), token.issuedAt())
              .contentSeed(rng.nextLong())
              .build());
      items += read.items();
      records++;
    }
    return scene
        .parameter("mailbox", victim.upn())
        .parameter("binds", records)
        .parameter("items", items)
        .summary(
            String.format(
                Locale.ROOT,
                "%s gave itself FullAccess to %s's mailbox and read %d items in it as a delegate"
                    + " (%d binds) from its own device",
                intruder.upn(),
                victim.upn(),
                items,
                records));
  }
}
