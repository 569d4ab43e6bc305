package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.AppIdentity;
import io.stormwatch.sim.event.ClientDevice;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SignInCategory;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stream.Silence;
import io.stormwatch.sim.world.City;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.Country;
import io.stormwatch.sim.world.FirstPartyApp;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A user flies from London to New York. They work the first hour of the day at home, leave for the
 * airport, land eight hours later and, after an hour and a half, sign in on the laptop from the
 * hotel (a new interactive session on a US network) and work the New York afternoon. From landing
 * on, the phone reads mail over roaming: home-routed roaming keeps its addresses in the home
 * carrier's network, so for hours the account is seen in the UK and the US at once, on two devices,
 * two sessions and two sets of tokens. No token is ever used from two networks.
 */
final class TravellerScript implements ScenarioScript {

  static final Duration FLIGHT = Duration.ofHours(8);
  static final Duration TO_HOTEL = Duration.ofMinutes(90);
  static final Duration ABROAD_WORK = Duration.ofMinutes(210);

  private User traveller;

  @Override
  public ScenarioType type() {
    return ScenarioType.TRAVELLER_ABROAD;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    traveller = call.cast(Roles.laptopWorker("a traveller flying to New York"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(traveller);
    Instant departure = period.start().plus(Duration.ofMinutes(45 + rng.nextInt(46)));
    Instant landing = departure.plus(Duration.ofMinutes(60)).plus(FLIGHT);
    Instant hotel = landing.plus(TO_HOTEL);
    Instant abroadEnd = hotel.plus(ABROAD_WORK);
    Instant dayEnd = p.stage().dayEnd().minus(Duration.ofMinutes(20));
    if (abroadEnd.isAfter(dayEnd)) {
      abroadEnd = dayEnd;
    }
    Scene scene =
        new Scene()
            .account(traveller.upn())
            .silence(
                new Silence(
                    traveller.upn(), departure, p.stage().dayEnd(), Silence.Scope.EVERYTHING));
    Instant lastHomeUse = lastMailUse(p, departure);

    // The laptop in the hotel: a new interactive session on a New York network.
    City newYork = Country.US.cities().get(0);
    List<Network> hotelNetworks = p.stage().catalogue().residential(Country.US);
    Network hotelNetwork = hotelNetworks.get(rng.nextInt(hotelNetworks.size()));
    String hotelIp = hotelNetwork.randomAddress(rng);
    ClientProfile laptop = traveller.client();
    Id128 laptopSession = Id128.randomGuid(rng);
    List<TokenGrant> laptopTokens = Acts.tokens(rng, hotel, abroadEnd, true);
    for (TokenGrant token : laptopTokens) {
      scene.add(
          signIn(
              token,
              laptopSession,
              AppIdentity.of(laptop.app()),
              hotelNetwork,
              hotelIp,
              newYork,
              ClientDevice.of(laptop)));
    }
    for (Acts.Read read :
        Acts.reads(
            rng,
            laptopTokens.get(0).issuedAt().plusSeconds(40),
            abroadEnd,
            traveller.itemsPerHour(),
            5.5,
            10)) {
      scene.add(
          Acts.ownBind(
              traveller,
              read.at(),
              read.items(),
              hotelIp,
              laptopSession,
              TokenGrant.presentedAt(laptopTokens, read.at()),
              rng));
    }

    // The phone, roaming: addresses stay in the home carrier, geolocated at home.
    Network carrier = traveller.carrier();
    ClientProfile phone = ClientProfile.OUTLOOK_MOBILE;
    Id128 phoneSession = Id128.randomGuid(rng);
    Instant phoneOn = landing.plus(Duration.ofMinutes(5 + rng.nextInt(15)));
    List<TokenGrant> phoneTokens = Acts.tokens(rng, phoneOn, dayEnd, false);
    for (TokenGrant token : phoneTokens) {
      scene.add(
          signIn(
              token,
              phoneSession,
              AppIdentity.of(phone.app()),
              carrier,
              carrier.randomAddress(rng),
              traveller.city(),
              ClientDevice.of(phone)));
    }
    long at = phoneTokens.get(0).issuedAt().getEpochSecond() + 30;
    while (at < dayEnd.getEpochSecond()) {
      Instant when = Instant.ofEpochSecond(at);
      TokenGrant token = TokenGrant.presentedAt(phoneTokens, when);
      scene.add(
          Acts.bind(
              traveller,
              when,
              1 + rng.nextInt(5),
              FirstPartyApp.OUTLOOK_MOBILE.appId(),
              phone.clientInfoString(),
              carrier.randomAddress(rng),
              phoneSession,
              token.uti(),
              token.issuedAt(),
              rng));
      at += 300 + rng.nextInt(601);
    }
    double km = Acts.distanceKm(traveller.city(), newYork);
    double hours = Duration.between(lastHomeUse, hotel).toSeconds() / 3600.0;
    return scene
        .parameter("homeCity", traveller.city().name())
        .parameter("departure", departure)
        .parameter("hotelSignIn", hotel)
        .parameter("hotelAsn", hotelNetwork.asn())
        .parameter("roamingCarrierAsn", carrier.asn())
        .parameter("distanceKm", Math.round(km))
        .parameter("hoursBetweenLastHomeUseAndHotel", hours)
        .parameter("speedKmPerHour", Math.round(km / hours))
        .summary(
            String.format(
                "%s flies %s to New York: hotel sign-in on AS%d %.1f hours after the last use at"
                    + " home, while the phone roams on AS%d",
                traveller.upn(),
                traveller.city().name(),
                hotelNetwork.asn(),
                hours,
                carrier.asn()));
  }

  private Instant lastMailUse(Performance p, Instant before) {
    Instant last = p.workPeriod(traveller).start();
    for (SimEvent event : p.dayActivity(traveller)) {
      if (event instanceof MailboxAccess && event.time().isBefore(before)) {
        last = event.time();
      }
    }
    return last;
  }

  private SignIn signIn(
      TokenGrant token,
      Id128 session,
      AppIdentity app,
      Network network,
      String ip,
      City city,
      ClientDevice device) {
    return new SignIn(
        token.issuedAt(),
        token.signInId(),
        token.correlationId(),
        traveller.tenant(),
        token.interactive() ? SignInCategory.INTERACTIVE_USER : SignInCategory.NON_INTERACTIVE_USER,
        traveller,
        null,
        app,
        AppIdentity.of(FirstPartyApp.EXCHANGE_ONLINE),
        network,
        ip,
        city,
        token.uti(),
        session,
        device,
        token.interactive() ? "none" : "refreshToken");
  }
}
