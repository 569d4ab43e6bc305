package io.stormwatch.detector.tenant;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.TENANT;
import static io.stormwatch.detector.testing.Events.VPN_US;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.Events.mailBind;
import static io.stormwatch.detector.testing.Events.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.topology.StormwatchTopology;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantStageTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String OUTLOOK = "d3590ed6-52b3-4102-aeff-aad2292ab01c";

  /** 02:00 UTC on a Tuesday. */
  private static final Instant NIGHT = Instant.parse("2026-03-03T02:00:00Z");

  private static final int HISTORY_DAYS = 21;
  private static final List<String> USERS =
      List.of(ALICE, BOB, "carol@contoso.com", "dan@contoso.com", "erin@contoso.com");

  private final InMemoryTenantState state = new InMemoryTenantState();
  private final TenantStage stage =
      new TenantStage(
          state, state, state, StormwatchTopology.tenantRules(StormwatchConfig.defaults()));
  private final List<Alert> alerts = new ArrayList<>();
  private final Map<String, AccountHour> accountHours = new HashMap<>();
  private long streamTime = Long.MIN_VALUE;

  @Test
  void tellsHowManyAccountsOfTheTenantSignedInFromAnEventsNetwork() {
    for (int i = 0; i < 7; i++) {
      feed(
          signIn("user" + i + "@contoso.com")
              .interactive()
              .withToken("s" + i)
              .from(VPN_US)
              .at(T0.plusSeconds(i)));
    }
    feed(
        signIn(BOB)
            .withToken("failed")
            .from(VPN_US)
            .succeeded(false)
            .at(T0.plusSeconds(20))); // a failed sign-in does not count

    AuditEvent use = feed(mailBind(ALICE).withToken("s1").from(VPN_US).at(T0.plusSeconds(30)));
    AuditEvent elsewhere =
        feed(mailBind(ALICE).withToken("s1").from(VPS_NL).at(T0.plusSeconds(40)));

    assertThat(use.getTenantAccountsSignedInFromAsn()).isEqualTo(7);
    assertThat(elsewhere.getTenantAccountsSignedInFromAsn()).isZero();
  }

  @Test
  void tellsHowManyAccountsReadMailWithAClientBeforeThisEvent() {
    feed(signIn(ALICE).withToken("a").at(T0));
    feed(signIn(BOB).withToken("b").at(T0));
    AuditEvent first = feed(mailBind(ALICE).withToken("a").app(OUTLOOK).at(T0.plusSeconds(1)));
    feed(mailBind(ALICE).withToken("a").app(OUTLOOK).at(T0.plusSeconds(2)));
    AuditEvent third = feed(mailBind(BOB).withToken("b").app(OUTLOOK).at(T0.plusSeconds(3)));

    assertThat(first.getTenantAccountsUsingApp()).isZero();
    assertThat(third.getTenantAccountsUsingApp()).isEqualTo(1);
  }

  @Test
  void learnsTheTenantsTypicalItemsPerAccountHour() {
    for (int hour = 0; hour < 4; hour++) {
      for (int user = 0; user < 4; user++) {
        String account = "user" + user + "@contoso.com";
        feed(signIn(account).withToken("t" + user + hour).at(T0.plus(Duration.ofHours(hour))));
        feed(
            mailBind(account)
                .withToken("t" + user + hour)
                .items(80)
                .at(T0.plus(Duration.ofHours(hour)).plusSeconds(60)));
      }
    }
    AuditEvent later = feed(mailBind(ALICE).items(1).at(T0.plus(Duration.ofHours(5))));

    assertThat(later.getTenantPeerItemsPerHour()).isEqualTo(80.0);
  }

  @Test
  void takesOverAnAccountHourAnEarlierReleaseKeptUnderItsOwnKeyOnce() {
    String key = TenantKeys.accountHour(TENANT, ALICE);
    AccountHour earlier = new AccountHour();
    earlier.hourStart = T0.toEpochMilli();
    earlier.items = 50;
    state.put(key, AccountHour.CODEC.encode(earlier));

    AccountHour taken = stage.takeStoredAccountHour(TENANT, ALICE);

    assertThat(taken.hourStart).isEqualTo(T0.toEpochMilli());
    assertThat(taken.items).isEqualTo(50);
    assertThat(state.get(key)).isNull();
    assertThat(stage.takeStoredAccountHour(TENANT, ALICE).items).isZero();
  }

  @Test
  void takesOverThePeerVolumeAnEarlierReleaseKeptUnderItsOwnKeyOnce() {
    String key = TenantKeys.peerVolume(TENANT);
    PeerVolume earlier = new PeerVolume();
    for (int hour = 0; hour < PeerVolume.MIN_HOURS; hour++) {
      earlier.learn(120);
    }
    state.put(key, PeerVolume.CODEC.encode(earlier));

    AuditEvent first = feed(mailBind(ALICE).items(1).at(T0));
    AuditEvent next = feed(mailBind(BOB).items(1).at(T0.plusSeconds(60)));

    assertThat(first.getTenantPeerItemsPerHour()).isEqualTo(120.0);
    assertThat(next.getTenantPeerItemsPerHour()).isEqualTo(120.0);
    assertThat(state.get(key)).isNull();
  }

  @Test
  void alertsOnMailReadWithATokenNoSignInIssued() {
    feed(signIn(ALICE).interactive().withToken("issued").inSession("s-a").at(T0));
    feed(mailBind(ALICE).withToken("issued").inSession("s-a").at(T0.plusSeconds(60)));
    feed(mailBind(ALICE).withToken("forged").from(VPS_NL).at(T0.plusSeconds(120)));
    keepTenantBusyUntil(T0.plus(Duration.ofHours(3)));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("orphan-token");
              assertThat(a.getAccountId()).isEqualTo(ALICE);
              assertThat(a.getEvidence().getTokenIds()).containsExactly("forged");
              assertThat(a.getEvidence().getAsns()).containsExactly(14061L);
              assertThat(a.getFirstEventTime()).isEqualTo(T0.plusSeconds(120));
            });
  }

  @Test
  void aUseOfATokenASignInJustIssuedIsSettledAsItArrives() {
    feed(signIn(ALICE).interactive().withToken("issued").inSession("s-a").at(T0));
    feed(mailBind(ALICE).withToken("issued").inSession("s-a").at(T0.plusSeconds(60)));
    feed(mailBind(ALICE).withToken("unknown").from(VPS_NL).at(T0.plusSeconds(120)));

    assertThat(state.pendingUses()).as("only the unknown token awaits its check").isEqualTo(1);
  }

  @Test
  void anIssuedTokenUsedLongIntoASilenceOfTheSignInFeedIsStillChecked() {
    feed(signIn(ALICE).interactive().withToken("issued").inSession("s-a").at(T0));
    for (int minute = 1; minute <= 31; minute += 5) {
      feed(mailBind(ALICE).withToken("issued").inSession("s-a").at(T0.plusSeconds(60L * minute)));
    }

    // uses from 1 to 16 min: the feed is fresh; from 21 min on, 20 min without a sign-in: checked,
    // as an outage of the feed would count them
    assertThat(state.pendingUses()).isEqualTo(3);
  }

  @Test
  void aSignInThatArrivesLateCancelsThePendingAlert() {
    feed(signIn(BOB).withToken("b").at(T0));
    feed(mailBind(ALICE).withToken("late").at(T0.plusSeconds(600)));
    feed(mailBind(BOB).withToken("b").at(T0.plus(Duration.ofMinutes(40))));
    feed(
        signIn(ALICE)
            .withToken("late")
            .at(T0.plusSeconds(590))); // arrives 30 minutes after the use
    keepTenantBusyUntil(T0.plus(Duration.ofHours(3)));

    assertThat(alerts).isEmpty();
  }

  @Test
  void alertsOnAForgedTokenUseThatArrivesHoursAfterTheSignInsAroundIt() {
    keepTenantBusyUntil(T0.plus(Duration.ofHours(3)));
    feed(signIn(BOB).withToken("b-late").at(T0.plus(Duration.ofMinutes(190))));
    // UAL can lag hours behind the sign-in logs: the feed already went past this use. A late
    // record does not move stream time, so nothing is judged before the next sign-in.
    process(mailBind(ALICE).withToken("forged").from(VPS_NL).at(T0.plus(Duration.ofHours(1))));
    for (int m = 200; m <= 360; m += 15) {
      Instant t = T0.plus(Duration.ofMinutes(m));
      feed(signIn(BOB).withToken("b" + m).at(t));
      feed(mailBind(BOB).withToken("b" + m).at(t.plusSeconds(5)));
    }

    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.getEvidence().getTokenIds()).containsExactly("forged"));
  }

  @Test
  void acceptsANewTokenOfASessionTheSignInLogsKnow() {
    feed(signIn(ALICE).withToken("first").inSession("session-1").at(T0));
    feed(
        mailBind(ALICE)
            .withToken("refreshed-quietly")
            .inSession("session-1")
            .at(T0.plus(Duration.ofMinutes(70))));
    keepTenantBusyUntil(T0.plus(Duration.ofHours(4)));

    assertThat(alerts).isEmpty();
  }

  @Test
  void waitsForASignInFeedThatLagsAnHour() {
    // UAL arrives on time; each sign-in arrives an hour after it happened.
    List<AuditEvent> arrivals = new ArrayList<>();
    for (int minute = 0; minute < 300; minute += 10) {
      Instant at = T0.plus(Duration.ofMinutes(minute));
      arrivals.add(mailBind(ALICE).withToken("t" + minute).at(at.plusSeconds(30)));
      if (minute >= 60) {
        Instant issued = at.minus(Duration.ofMinutes(60));
        arrivals.add(signIn(ALICE).withToken("t" + (minute - 60)).at(issued));
      }
    }
    arrivals.forEach(this::feed);

    assertThat(alerts).isEmpty();
  }

  @Test
  void aSignInFeedThatLagsAnHourIsNoGapEvenAcrossNights() {
    List<AuditEvent> arrivals = new ArrayList<>();
    for (int day = 0; day < 3; day++) {
      Instant morning = T0.plus(Duration.ofDays(day));
      for (int minute = 0; minute <= 8 * 60; minute += 10) {
        Instant at = morning.plus(Duration.ofMinutes(minute));
        arrivals.add(mailBind(ALICE).withToken("d" + day + "t" + minute).at(at.plusSeconds(30)));
        if (minute >= 60) {
          int issuedAt = minute - 60;
          arrivals.add(
              signIn(ALICE)
                  .withToken("d" + day + "t" + issuedAt)
                  .at(morning.plus(Duration.ofMinutes(issuedAt))));
        }
      }
      // The last hour's sign-ins arrive in the evening, after the last mail reads.
      for (int issuedAt = 8 * 60 - 50; issuedAt <= 8 * 60; issuedAt += 10) {
        arrivals.add(
            signIn(ALICE)
                .withToken("d" + day + "t" + issuedAt)
                .at(morning.plus(Duration.ofMinutes(issuedAt))));
      }
    }
    arrivals.forEach(this::feed);

    assertThat(alerts).isEmpty();
  }

  @Test
  void reportsATenantThatSendsNoSignInLogsOnceInsteadOfOnePerUse() {
    for (int minute = 0; minute < 10 * 60; minute += 5) {
      feed(mailBind(ALICE).withToken("u" + minute).at(T0.plus(Duration.ofMinutes(minute))));
    }

    assertThat(alerts)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.getRuleId()).isEqualTo("signin-coverage-gap"));
    assertThat(alerts).extracting(Alert::getAlertId).containsOnly(alerts.get(0).getAlertId());
    // Revised only as the unverifiable uses grow tenfold: 1, 10, 100 of the 120.
    assertThat(alerts).extracting(Alert::getRevision).containsExactly(1, 2, 3);
    assertThat(alerts.get(2).getEvidence().getEventCount()).isEqualTo(100);
    assertThat(alerts.get(0).getAccountId()).isEqualTo("*");
  }

  @Test
  void givesNoVerdictOnTokensIssuedWhileTheSignInFeedWasDown() {
    feed(signIn(BOB).withToken("before").at(T0));
    // Three hours without sign-ins (an outage); mail reads go on with tokens issued in it.
    for (int minute = 10; minute < 180; minute += 10) {
      feed(
          mailBind(ALICE)
              .withToken("issued-in-outage-" + minute)
              .at(T0.plus(Duration.ofMinutes(minute))));
    }
    feed(signIn(BOB).withToken("after").at(T0.plus(Duration.ofMinutes(185))));
    feed(mailBind(ALICE).withToken("issued-in-outage-170").at(T0.plus(Duration.ofMinutes(190))));
    keepTenantBusyUntil(T0.plus(Duration.ofHours(7)));

    assertThat(alerts).isEmpty();
  }

  @Test
  void foldsOneAccountsOrphanUsesIntoOneIncident() {
    feed(signIn(BOB).withToken("b").at(T0));
    for (int i = 0; i < 40; i++) {
      feed(
          mailBind(ALICE)
              .withToken("forged")
              .items(50)
              .from(VPS_NL)
              .at(T0.plus(Duration.ofMinutes(i))));
    }
    keepTenantBusyUntil(T0.plus(Duration.ofHours(4)));

    assertThat(alerts)
        .isNotEmpty()
        .extracting(Alert::getAlertId)
        .containsOnly(alerts.get(0).getAlertId());
    assertThat(alerts).hasSizeLessThan(10);
    // Revised as the uses double: the last revision reports 32 of the 40.
    assertThat(alerts)
        .extracting(a -> a.getEvidence().getEventCount())
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L);
  }

  @Test
  void judgesAForgedTokenUsedAtNightWhenTheTenantIsQuietEveryNight() {
    workingDaysUntil(NIGHT.truncatedTo(ChronoUnit.DAYS));
    // A few binds at 02:10-02:40 with a token no sign-in issued, from a hosting network; the
    // sign-in feed is quiet, as every night, and passes the uses when the tenant wakes up.
    for (int minute = 10; minute <= 40; minute += 10) {
      feed(
          mailBind(ALICE)
              .id("night-" + (100 - minute)) // ids that sort against time, as random ids may
              .withToken("forged")
              .inSession("never-issued")
              .items(3)
              .from(VPS_NL)
              .at(NIGHT.plus(Duration.ofMinutes(minute))));
    }
    // Another tenant of the task moves stream time on, minute by minute, all night: the uses come
    // due one by one and wait for the sign-in feed.
    for (int minute = 60; minute < 5 * 60; minute++) {
      AuditEvent elsewhere =
          signIn("someone@fabrikam.com").at(NIGHT.plus(Duration.ofMinutes(minute)));
      elsewhere.setTenantId("another-tenant");
      feed(elsewhere);
    }
    workingHours(NIGHT.truncatedTo(ChronoUnit.DAYS), 7 * 60 + 30, 12 * 60);

    assertThat(alerts).extracting(Alert::getAlertId).containsOnly(alerts.get(0).getAlertId());
    assertThat(alerts.get(0))
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("orphan-token");
              assertThat(a.getAccountId()).isEqualTo(ALICE);
              assertThat(a.getEvidence().getTokenIds()).containsExactly("forged");
              assertThat(a.getFirstEventTime()).isEqualTo(NIGHT.plus(Duration.ofMinutes(10)));
              assertThat(a.getLastEventTime()).isEqualTo(a.getFirstEventTime());
            });
  }

  @Test
  void aNightOfForgedTokenUseIsNoCoverageGap() {
    workingDaysUntil(NIGHT.truncatedTo(ChronoUnit.DAYS));
    // Five hours of reads with one forged token, at hours the tenant never signs in.
    for (int minute = 0; minute <= 5 * 60; minute += 10) {
      feed(
          mailBind(ALICE)
              .withToken("forged")
              .from(VPS_NL)
              .at(NIGHT.minus(Duration.ofHours(1)).plus(Duration.ofMinutes(minute))));
    }
    workingHours(NIGHT.truncatedTo(ChronoUnit.DAYS), 7 * 60 + 30, 12 * 60);

    assertThat(alerts).extracting(Alert::getRuleId).containsOnly("orphan-token").isNotEmpty();
  }

  @Test
  void judgesAForgedTokenUsedOnAWeekendWhenTheTenantRestsOnWeekends() {
    Instant saturday = Instant.parse("2026-03-07T00:00:00Z");
    workingDaysUntil(saturday);
    feed(mailBind(ALICE).withToken("forged").from(VPS_NL).at(saturday.plus(Duration.ofHours(11))));
    workingHours(Instant.parse("2026-03-09T00:00:00Z"), 8 * 60, 10 * 60);

    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.getRuleId()).isEqualTo("orphan-token"));
  }

  @Test
  void givesNoVerdictOnTokensIssuedWhileTheSignInFeedFailedAtItsUsualHours() {
    Instant day = NIGHT.truncatedTo(ChronoUnit.DAYS);
    workingDaysUntil(day);
    workingHours(day, 8 * 60, 11 * 60);
    // From 11:00 to 14:00 the tenant works as usual, but no sign-in reaches the pipeline.
    for (int minute = 11 * 60; minute < 14 * 60; minute += 10) {
      feed(
          mailBind(USERS.get(minute % USERS.size()))
              .withToken("issued-in-outage-" + minute)
              .at(day.plus(Duration.ofMinutes(minute))));
    }
    feed(signIn(BOB).withToken("after").at(day.plus(Duration.ofMinutes(14 * 60 + 5))));
    feed(
        mailBind(ALICE)
            .withToken("issued-in-outage-" + (13 * 60 + 50))
            .at(day.plus(Duration.ofMinutes(14 * 60 + 30))));
    workingHours(day, 14 * 60 + 40, 20 * 60);

    assertThat(alerts).isEmpty();
  }

  @Test
  void reportsASignInFeedThatStopsAtItsUsualHoursAsACoverageGap() {
    Instant day = NIGHT.truncatedTo(ChronoUnit.DAYS);
    workingDaysUntil(day);
    workingHours(day, 8 * 60, 9 * 60);
    for (int minute = 9 * 60; minute < 17 * 60; minute += 5) {
      feed(
          mailBind(USERS.get(minute % USERS.size()))
              .withToken("unseen-" + minute)
              .at(day.plus(Duration.ofMinutes(minute))));
    }

    assertThat(alerts)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.getRuleId()).isEqualTo("signin-coverage-gap"));
  }

  /**
   * Weeks of a tenant's working days before {@code end}: its users sign in and read mail from 08:00
   * to 17:00 UTC on weekdays; nights and weekends are quiet.
   */
  private void workingDaysUntil(Instant end) {
    for (Instant day = end.minus(Duration.ofDays(HISTORY_DAYS));
        day.isBefore(end);
        day = day.plus(Duration.ofDays(1))) {
      DayOfWeek weekday = day.atZone(ZoneOffset.UTC).getDayOfWeek();
      if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
        workingHours(day, 8 * 60, 17 * 60);
      }
    }
  }

  /** The tenant's users take turns signing in and reading, every 20 minutes in the span. */
  private void workingHours(Instant day, int fromMinute, int toMinute) {
    for (int minute = fromMinute; minute < toMinute; minute += 20) {
      Instant at = day.plus(Duration.ofMinutes(minute));
      String user = USERS.get((minute / 20) % USERS.size());
      String token = "w" + at.getEpochSecond();
      feed(signIn(user).withToken(token).at(at));
      feed(mailBind(user).withToken(token).items(5).at(at.plusSeconds(30)));
    }
  }

  /** Bob keeps signing in and reading, so the tenant's event time and sign-in feed move on. */
  private void keepTenantBusyUntil(Instant end) {
    int n = 0;
    for (Instant t = T0.plus(Duration.ofMinutes(45));
        !t.isAfter(end);
        t = t.plus(Duration.ofMinutes(15))) {
      feed(signIn(BOB).withToken("keep" + n).at(t));
      feed(mailBind(BOB).withToken("keep" + n).at(t.plusSeconds(5)));
      n++;
    }
  }

  /** Processes an event, then judges what the stream time it reached has made due. */
  private AuditEvent feed(AuditEvent event) {
    process(event);
    streamTime = Math.max(streamTime, event.getEventTime().toEpochMilli());
    alerts.addAll(stage.checkDue(streamTime));
    return event;
  }

  /** Processes an event with its account's hour of mail read, as the account entry keeps it. */
  private void process(AuditEvent event) {
    stage.process(
        event, accountHours.computeIfAbsent(event.getAccountId(), a -> new AccountHour()));
  }
}
