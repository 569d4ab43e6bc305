package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.AppConsent;
import io.stormwatch.sim.event.AppIdentity;
import io.stormwatch.sim.event.ClientDevice;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SignInCategory;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.City;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.Country;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An OAuth consent-phishing app reading mail with properly issued delegated tokens (T1528): the
 * victim consents in the browser (an interactive sign-in to the app, resource Microsoft Graph, from
 * home), the app's server redeems the authorisation code and then its refresh token every hour
 * (non-interactive sign-ins from the server, same session), and reads a few items every 8–20
 * minutes through Graph for about six hours: some 30 items an hour, far below any burst, every
 * token issued. Only the client app id is new: the signal CISA AA23-193A describes.
 *
 * <p>Played as {@code consent-phishing-app}, the tenant's audit log holds no record of the consent
 * (Entra's audit records are not collected); played as {@code consent-grant-mail-read}, it holds
 * the victim's {@code Consent to application.} with Mail.Read and offline_access.
 */
final class ConsentPhishingScript implements ScenarioScript {

  /** The scopes a consent-phishing app asks for: read mail, and keep reading it. */
  static final String PHISHING_SCOPES = "Mail.Read offline_access User.Read";

  private final ScenarioType type;
  private final boolean consentAudited;
  private User victim;
  private AppIdentity app;

  ConsentPhishingScript(ScenarioType type, boolean consentAudited) {
    this.type = type;
    this.consentAudited = consentAudited;
  }

  @Override
  public ScenarioType type() {
    return type;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    victim = call.cast(Roles.laptopWorker("the user who consents to a phishing app"));
    app = new AppIdentity(Id128.randomGuid(call.rng()).asGuid(), "Mail Summary Assistant");
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(victim);
    Instant consent = period.start().plus(Duration.ofMinutes(Draw.between(rng, 60, 180)));
    Instant end = consent.plus(Duration.ofHours(6));
    if (end.isAfter(p.stage().dayEnd().minus(Duration.ofMinutes(30)))) {
      end = p.stage().dayEnd().minus(Duration.ofMinutes(30));
    }
    List<Network> hosts =
        p.stage().catalogue().hosting().stream()
            .filter(n -> !n.country().equals(victim.country().name()))
            .filter(
                n ->
                    n.country().equals("US")
                        || n.country().equals("FR")
                        || n.country().equals("DE"))
            .toList();
    Network host = hosts.get(rng.nextInt(hosts.size()));
    City hostCity = Country.valueOf(host.country()).cities().get(0);
    String serverIp = host.randomAddress(rng);
    Id128 session = Id128.randomGuid(rng);
    Scene scene = new Scene().account(victim.upn());

    // The consent: the victim's browser at home.
    scene.add(
        new SignIn(
            consent,
            Id128.randomGuid(rng),
            Id128.randomGuid(rng),
            victim.tenant(),
            SignInCategory.INTERACTIVE_USER,
            victim,
            null,
            app,
            AppIdentity.MICROSOFT_GRAPH,
            victim.homeIsp(),
            period.homeIp(),
            victim.city(),
            Id128.randomBytes(rng),
            session,
            ClientDevice.of(ClientProfile.OWA_BROWSER),
            "none"));
    if (consentAudited) {
      scene.add(
          new AppConsent(
              consent.plusSeconds(2),
              Id128.randomGuid(rng),
              victim.tenant(),
              victim,
              app,
              Id128.randomGuid(rng),
              PHISHING_SCOPES,
              period.homeIp(),
              false));
    }
    // The app's server: the code, then a refresh token every hour.
    List<TokenGrant> tokens =
        Acts.tokens(rng, consent.plusSeconds(20 + rng.nextInt(40)), end, false);
    for (int i = 0; i < tokens.size(); i++) {
      TokenGrant token = tokens.get(i);
      scene.add(
          new SignIn(
              token.issuedAt(),
              token.signInId(),
              token.correlationId(),
              victim.tenant(),
              SignInCategory.NON_INTERACTIVE_USER,
              victim,
              null,
              app,
              AppIdentity.MICROSOFT_GRAPH,
              host,
              serverIp,
              hostCity,
              token.uti(),
              session,
              ClientDevice.SERVER,
              i == 0 ? "authorizationCode" : "refreshToken"));
    }
    MailboxIdentity mailbox = MailboxIdentity.of(victim);
    int items = 0;
    int records = 0;
    long at = tokens.get(0).issuedAt().getEpochSecond() + 60 + rng.nextInt(60);
    while (at < end.getEpochSecond()) {
      Instant when = Instant.ofEpochSecond(at);
      TokenGrant token = TokenGrant.presentedAt(tokens, when);
      int count = Draw.between(rng, 2, 12);
      items += count;
      records++;
      scene.add(
          MailboxAccess.at(when, Id128.randomGuid(rng), victim.tenant())
              .by(Accessor.of(victim))
              .of(mailbox)
              .bind(count, List.of("\\Inbox"))
              .client(app.appId(), ForgedTokenScript.REST_CLIENT_INFO)
              .api(AppIdentity.MICROSOFT_GRAPH.appId())
              .from(serverIp)
              .token(session, token.uti(), token.issuedAt())
              .contentSeed(rng.nextLong())
              .build());
      at += 480 + rng.nextInt(721);
    }
    double hours = Duration.between(consent, end).toSeconds() / 3600.0;
    return scene
        .parameter("clientAppId", app.appId())
        .parameter("appName", app.displayName())
        .parameter("hostAsn", host.asn())
        .parameter("hostCountry", host.country())
        .parameter("tokens", tokens.size())
        .parameter("binds", records)
        .parameter("items", items)
        .parameter("itemsPerHour", items / hours)
        .summary(
            String.format(
                "%s consented to '%s' (%s); its server on %s AS%d read %d items through Graph in"
                    + " %.1f hours with %d issued tokens",
                victim.upn(),
                app.displayName(),
                app.appId(),
                host.organisation(),
                host.asn(),
                items,
                hours,
                tokens.size()));
  }
}
