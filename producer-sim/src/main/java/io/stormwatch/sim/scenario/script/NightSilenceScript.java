package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.Costumes;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small tenant's ordinary night, the same kind of tenant as {@link ForgedTokenAtNightScript}'s:
 * its sign-in logs fall silent after the evening and stay silent for hours. Meanwhile one phone, on
 * home Wi-Fi, keeps synchronising mail about hourly all night with tokens of the session it opened
 * in the evening, refreshed without a sign-in record of their own: hours of token use without a
 * sign-in, which a rule counting silence alone takes for a stopped feed. Before the others start
 * work, two early risers sign in between 05:00 and 06:30 local time and read mail. Nothing may
 * fire: every token is issued or belongs to a known session, and a silent night is not a failed
 * sign-in feed.
 */
final class NightSilenceScript implements ScenarioScript {

  static final LocalTime EVENING = LocalTime.of(21, 30);
  static final LocalTime NIGHT_SYNCS_UNTIL = LocalTime.of(6, 30);
  static final LocalTime EARLY_RISERS_FROM = LocalTime.of(5, 0);
  static final int EARLY_RISERS = 2;

  private Tenant tenant;

  @Override
  public ScenarioType type() {
    return ScenarioType.NIGHT_SILENCE_EARLY_LOGINS;
  }

  @Override
  public int actorCount() {
    return 0; // the whole tenant is the scenario; its people need no working day of their own
  }

  @Override
  public void cast(CastingCall call) {
    tenant = call.tenant().tenant();
  }

  @Override
  public Scene perform(Performance p) {
    SplittableRandom rng = p.rng();
    TenantNight night = TenantNight.of(p.stage(), tenant);
    List<User> residents =
        new ArrayList<>(p.tenant().users().stream().filter(u -> !u.abroad()).toList());
    User phone =
        Costumes.withClient(
            residents.remove(rng.nextInt(residents.size())), ClientProfile.OUTLOOK_MOBILE);
    Scene scene = new Scene();

    // The evening: the phone redeems its refresh token at home and reads a few messages.
    Instant evening = night.eveningBefore(EVENING).plusSeconds(rng.nextInt(3600));
    String homeIp = phone.homeIsp().randomAddress(rng);
    Id128 session = Id128.randomGuid(rng);
    TokenGrant eveningToken = grant(rng, evening, false);
    scene.add(eveningToken.signIn(phone, session, phone.homeIsp(), homeIp));
    for (int i = 0, reads = Draw.between(rng, 2, 4); i < reads; i++) {
      scene.add(
          Acts.ownBind(
              phone,
              evening.plusSeconds(60 + 150L * i + rng.nextInt(120)),
              Draw.between(rng, 1, 4),
              homeIp,
              session,
              eveningToken,
              rng));
    }

    // The night: about hourly, the phone syncs its inbox on silently refreshed tokens of the
    // evening's session, until its owner wakes up.
    int syncs = 0;
    Instant at = evening.plusSeconds(60L * Draw.between(rng, 50, 80));
    while (at.isBefore(night.at(NIGHT_SYNCS_UNTIL))) {
      Instant refreshed = at.minusSeconds(5 + rng.nextInt(30));
      scene.add(
          MailboxAccess.byOwner(
              at,
              Id128.randomGuid(rng),
              phone,
              MailAccessType.SYNC,
              1,
              phone.client().app().appId(),
              phone.client().clientInfoString(),
              homeIp,
              session,
              Id128.randomBytes(rng),
              refreshed,
              rng.nextLong()));
      syncs++;
      at = at.plusSeconds(60L * Draw.between(rng, 50, 80));
    }

    // The early risers: an interactive sign-in hours before the tenant's usual start, then reads.
    List<String> risers = new ArrayList<>();
    for (int i = 0; i < EARLY_RISERS && !residents.isEmpty(); i++) {
      User riser = residents.remove(rng.nextInt(residents.size()));
      Instant signIn = night.at(EARLY_RISERS_FROM).plusSeconds(rng.nextInt(90 * 60));
      Network network = riser.usualNetwork();
      String ip = network.randomAddress(rng);
      Id128 riserSession = Id128.randomGuid(rng);
      TokenGrant token = grant(rng, signIn, true);
      scene.add(token.signIn(riser, riserSession, network, ip));
      Instant readsFrom = signIn.plusSeconds(30 + rng.nextInt(60));
      Instant readsTo = readsFrom.plus(Duration.ofMinutes(Draw.between(rng, 20, 40)));
      for (Acts.Read read : Acts.reads(rng, readsFrom, readsTo, riser.itemsPerHour(), 6, 20)) {
        scene.add(Acts.ownBind(riser, read.at(), read.items(), ip, riserSession, token, rng));
      }
      risers.add(riser.upn() + " at " + signIn.atZone(tenant.zone()).toLocalTime());
    }

    Instant from = evening.minusSeconds(60);
    Instant to = night.at(TenantNight.MORNING_UNTIL);
    return scene
        .tenantWide(new Scene.TenantWide(e -> e.tenant().equals(tenant), from, to))
        .parameter("zone", tenant.zone().getId())
        .parameter("phone", phone.upn())
        .parameter("nightSyncs", syncs)
        .parameter("earlyRisers", String.join(", ", risers))
        .summary(
            String.format(
                "%s's night from %s to %s local time: %s's phone syncs mail %d times on its"
                    + " evening session, early risers %s",
                tenant.name(),
                from.atZone(tenant.zone()).toLocalDateTime(),
                to.atZone(tenant.zone()).toLocalDateTime(),
                phone.upn(),
                syncs,
                String.join(", ", risers)));
  }

  /** A token Entra issues at {@code at}, valid for 60-90 minutes. */
  private static TokenGrant grant(SplittableRandom rng, Instant at, boolean interactive) {
    return new TokenGrant(
        Id128.randomBytes(rng),
        Id128.randomGuid(rng),
        Id128.randomGuid(rng),
        at,
        at.plus(Duration.ofMinutes(Draw.between(rng, 60, 90))),
        interactive);
  }
}
