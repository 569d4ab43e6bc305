package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.event.AppConsent;
import io.stormwatch.sim.event.AppIdentity;
import io.stormwatch.sim.event.ClientDevice;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SignInCategory;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;

/**
 * A user consents to a single sign-on web app (an expense tool, a learning portal) that asks for
 * sign-in scopes only: openid, profile, User.Read and offline_access, no mail scope. Then the user
 * signs in to it a few times during the day. A consent that grants no access to mail.
 */
final class SignInAppConsentScript implements ScenarioScript {

  /** What a sign-in-only app asks for. */
  static final String SIGN_IN_SCOPES = "openid profile User.Read offline_access";

  private User user;
  private AppIdentity app;

  @Override
  public ScenarioType type() {
    return ScenarioType.SIGN_IN_APP_CONSENT;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    user = call.cast(Roles.laptopWorker("the user who consents to a sign-in-only web app"));
    app = new AppIdentity(Id128.randomGuid(call.rng()).asGuid(), "Expense Portal");
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(user);
    Instant consent = period.start().plus(Duration.ofMinutes(Draw.between(rng, 30, 120)));
    Id128 session = Id128.randomGuid(rng);
    Scene scene = new Scene().account(user.upn());
    int signIns = Draw.between(rng, 2, 4);
    Instant at = consent;
    for (int i = 0; i < signIns; i++) {
      scene.add(
          new SignIn(
              at,
              Id128.randomGuid(rng),
              Id128.randomGuid(rng),
              user.tenant(),
              SignInCategory.INTERACTIVE_USER,
              user,
              null,
              app,
              AppIdentity.MICROSOFT_GRAPH,
              user.homeIsp(),
              period.homeIp(),
              user.city(),
              Id128.randomBytes(rng),
              session,
              ClientDevice.of(ClientProfile.OWA_BROWSER),
              "none"));
      if (i == 0) {
        scene.add(
            new AppConsent(
                at.plusSeconds(2),
                Id128.randomGuid(rng),
                user.tenant(),
                user,
                app,
                Id128.randomGuid(rng),
                SIGN_IN_SCOPES,
                period.homeIp(),
                false));
      }
      at = at.plus(Duration.ofMinutes(Draw.between(rng, 60, 150)));
    }
    return scene
        .parameter("clientAppId", app.appId())
        .parameter("appName", app.displayName())
        .parameter("scopes", SIGN_IN_SCOPES)
        .parameter("signIns", signIns)
        .summary(
            String.format(
                "%s consented to '%s' (%s) with %s and signed in to it %d times",
                user.upn(), app.displayName(), app.appId(), SIGN_IN_SCOPES, signIns));
  }
}
