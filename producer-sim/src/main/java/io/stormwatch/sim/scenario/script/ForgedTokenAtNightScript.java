package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.event.OwaSignOn;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Storm-0558's hours: a forged token used while the victim's organisation sleeps. In a small tenant
 * whose sign-in logs are quiet every night, between 02:00 and 03:00 local time on a weekday, a
 * token and an Entra session that no sign-in ever issued are presented to Outlook on the web (an
 * OWAAuth record) from a hosting network abroad, then a handful of mail binds read a few dozen
 * items: far below any volume threshold, through a first-party client, on a token used from one
 * network. Only the missing issuance gives it away, and the sign-in feed reaches the uses' time
 * only when the tenant wakes up.
 */
final class ForgedTokenAtNightScript implements ScenarioScript {

  static final LocalTime EARLIEST = LocalTime.of(2, 0);

  private static final ClientProfile OWA = ClientProfile.OWA_BROWSER;

  @Override
  public ScenarioType type() {
    return ScenarioType.FORGED_TOKEN_AT_NIGHT;
  }

  @Override
  public int actorCount() {
    return 0; // the victim need not work that day: its mailbox is read while it sleeps
  }

  @Override
  public void cast(CastingCall call) {}

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    TenantNight night = TenantNight.of(p.stage(), p.tenant().tenant());
    List<User> residents = p.tenant().users().stream().filter(u -> !u.abroad()).toList();
    User victim = residents.get(rng.nextInt(residents.size()));
    Instant start =
        night.at(EARLIEST).plusSeconds(60L * Draw.between(rng, 0, 30) + rng.nextInt(60));
    Duration duration = Duration.ofMinutes(Draw.between(rng, 20, 40));

    Id128 uti = Id128.randomBytes(rng);
    Id128 session = Id128.randomGuid(rng);
    Instant issuedAt =
        start.minus(Duration.ofMinutes(Draw.between(rng, 1, 10))).truncatedTo(ChronoUnit.SECONDS);
    Network vps = Acts.hostingAbroad(rng, p.stage().catalogue(), victim.homeIsp().country());
    String ip = vps.randomAddress(rng);
    Scene scene = new Scene().account(victim.upn());
    scene.add(
        new OwaSignOn(
            start,
            Id128.randomGuid(rng),
            victim.tenant(),
            Accessor.of(victim),
            MailboxIdentity.of(victim),
            OWA.app().appId(),
            OWA.clientInfoString(),
            ip,
            session,
            uti,
            issuedAt));
    int binds = Draw.between(rng, 4, 7);
    int items = 0;
    for (long second : Acts.spread(rng, start.plusSeconds(30), duration.toSeconds(), binds)) {
      int read = Draw.between(rng, 1, 6);
      items += read;
      scene.add(
          MailboxAccess.byOwner(
              Instant.ofEpochSecond(second),
              Id128.randomGuid(rng),
              victim,
              MailAccessType.BIND,
              read,
              OWA.app().appId(),
              OWA.clientInfoString(),
              ip,
              session,
              uti,
              issuedAt,
              rng.nextLong()));
    }
    return scene
        .parameter("uniqueTokenId", uti.asUti())
        .parameter("session", session.asGuid())
        .parameter("clientAppId", OWA.app().appId())
        .parameter("attackerAsn", vps.asn())
        .parameter("attackerCountry", vps.country())
        .parameter("zone", night.tenant().zone().getId())
        .parameter("localStart", start.atZone(night.tenant().zone()).toLocalTime())
        .parameter("binds", binds)
        .parameter("items", items)
        .parameter("minutes", duration.toMinutes())
        .summary(
            String.format(
                "unissued token %s and session %s opened %s's mailbox in Outlook on the web at %s"
                    + " local time from %s AS%d (%s) and read %d items in %d binds",
                uti.asUti(),
                session.asGuid(),
                victim.upn(),
                start.atZone(night.tenant().zone()).toLocalTime(),
                vps.organisation(),
                vps.asn(),
                vps.country(),
                items,
                binds));
  }
}
