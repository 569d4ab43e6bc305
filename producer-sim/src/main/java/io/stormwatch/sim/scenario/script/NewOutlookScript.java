package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.AppIdentity;
import io.stormwatch.sim.event.ClientDevice;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SignInCategory;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stream.Silence;
import io.stormwatch.sim.world.FirstPartyApp;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A classic Outlook user turns on the new Outlook for Windows mid-morning: from then on their mail
 * is read by application {@code 5d661950-3475-41cd-a2c3-d671a3162bc1} ("Microsoft Outlook"), a
 * first-party client Microsoft lists among its own apps, new for this account after weeks of
 * history, at the user's usual rate, from home. The new Outlook is built on Outlook on the web, so
 * its records describe an OWA client.
 */
final class NewOutlookScript implements ScenarioScript {

  static final String CLIENT_INFO = "Client=OWA;Action=ViaProxy";

  static final ClientDevice NEW_OUTLOOK_DEVICE =
      new ClientDevice(
          "Mobile Apps and Desktop clients",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0 OneOutlook/1.2024.611.100",
          "Windows 10",
          "",
          "");

  private User switcher;

  @Override
  public ScenarioType type() {
    return ScenarioType.NEW_OUTLOOK_SWITCH;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    switcher = call.cast(Roles.outlookDesktopWorker("a user trying the new Outlook for Windows"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(switcher);
    Instant switchAt = period.start().plus(Duration.ofMinutes(Draw.between(rng, 60, 180)));
    Id128 session = Id128.randomGuid(rng);
    List<TokenGrant> tokens = Acts.tokens(rng, switchAt, period.end(), true);
    AppIdentity app = AppIdentity.NEW_OUTLOOK;
    Scene scene =
        new Scene()
            .account(switcher.upn())
            .silence(new Silence(switcher.upn(), switchAt, period.end(), Silence.Scope.MAIL));
    for (TokenGrant token : tokens) {
      scene.add(
          new SignIn(
              token.issuedAt(),
              token.signInId(),
              token.correlationId(),
              switcher.tenant(),
              token.interactive()
                  ? SignInCategory.INTERACTIVE_USER
                  : SignInCategory.NON_INTERACTIVE_USER,
              switcher,
              null,
              app,
              AppIdentity.of(FirstPartyApp.EXCHANGE_ONLINE),
              switcher.homeIsp(),
              period.homeIp(),
              switcher.city(),
              token.uti(),
              session,
              NEW_OUTLOOK_DEVICE,
              token.interactive() ? "none" : "refreshToken"));
    }
    int items = 0;
    for (Acts.Read read :
        Acts.reads(
            rng,
            tokens.get(0).issuedAt().plusSeconds(30),
            period.end(),
            switcher.itemsPerHour(),
            5.5,
            10)) {
      TokenGrant token = TokenGrant.presentedAt(tokens, read.at());
      scene.add(
          Acts.bind(
              switcher,
              read.at(),
              read.items(),
              app.appId(),
              CLIENT_INFO,
              period.homeIp(),
              session,
              token.uti(),
              token.issuedAt(),
              rng));
      items += read.items();
    }
    return scene
        .parameter("previousClientAppId", FirstPartyApp.MICROSOFT_OFFICE.appId())
        .parameter("newClientAppId", app.appId())
        .parameter("switchAt", switchAt)
        .parameter("items", items)
        .summary(
            String.format(
                "%s switches to the new Outlook for Windows (%s) at %s and reads %d items with it",
                switcher.upn(), app.appId(), switchAt, items));
  }
}
