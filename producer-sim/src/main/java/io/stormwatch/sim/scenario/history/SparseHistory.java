package io.stormwatch.sim.scenario.history;

import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.scenario.ScenarioStreams;
import io.stormwatch.sim.scenario.stage.SharedMailbox;
import io.stormwatch.sim.scenario.stage.Stage;
import io.stormwatch.sim.scenario.stage.StagedTenant;
import io.stormwatch.sim.scenario.stage.TenantHabits;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Weeks of sparse but faithful history before the scenario day, so that rules which learn per
 * account have learnt by then: every user's client and networks (home, carrier, home Wi-Fi on
 * phones, the corporate VPN), their hourly reading rate, the shared mailboxes they read and the
 * integrations that read them.
 *
 * <p>Sparse means one or two active stretches on a working day instead of eight hours: a morning
 * hour that opens with an interactive sign-in and reads at the user's usual hourly rate (what
 * volume baselines learn), and an afternoon stretch on a refreshed token whenever the user works
 * through the corporate VPN or the phone is on home Wi-Fi that day (what network knowledge learns),
 * else on 30 % of days; it reads at a quarter to half the usual rate. The mail client stays open
 * through the working day and redeems its refresh token about hourly, so the sign-in logs carry a
 * working day's rhythm (what sign-in feed health learns). Bind records aggregate up to 20 items, as
 * Exchange aggregates the binds of two minutes into one record. Each user-day draws from its own
 * streams (user seed, day), so the history of one user never depends on another's.
 */
public final class SparseHistory {

  static final double DAY_OFF_PROBABILITY = 0.04;
  static final double AFTERNOON_PROBABILITY = 0.3;
  static final double VPN_DAY_PROBABILITY = 0.5;
  static final double PHONE_ON_WIFI_PROBABILITY = 0.4;
  static final double WEEKEND_CHECK_PROBABILITY = 0.15;
  private static final double ITEMS_PER_RECORD = 8;
  private static final int MAX_ITEMS_PER_RECORD = 20;

  private final Stage stage;

  public SparseHistory(Stage stage) {
    this.stage = stage;
  }

  /** The tenant's history, in no particular order, all of it before the scenario day. */
  public List<SimEvent> generate(StagedTenant tenant) {
    List<SimEvent> out = new ArrayList<>();
    for (User user : tenant.users()) {
      for (LocalDate day = stage.firstHistoryDay();
          day.isBefore(stage.day());
          day = day.plusDays(1)) {
        userDay(tenant, user, day, out);
      }
    }
    IntegrationHistory integrations = new IntegrationHistory(stage);
    for (var integration : tenant.habits().integrations()) {
      integrations.generate(tenant.tenant(), integration, out);
    }
    Instant end = stage.dayStart();
    out.removeIf(e -> !e.time().isBefore(end));
    return out;
  }

  private void userDay(StagedTenant tenant, User user, LocalDate day, List<SimEvent> out) {
    SplittableRandom rng = Seeds.stream(user.seed(), ScenarioStreams.HISTORY_DAY, day.toEpochDay());
    // Every draw happens whatever the outcome, so one habit never shifts another.
    boolean dayOff = Draw.chance(rng, DAY_OFF_PROBABILITY);
    boolean afternoon = Draw.chance(rng, AFTERNOON_PROBABILITY);
    boolean vpnDay = Draw.chance(rng, VPN_DAY_PROBABILITY);
    boolean phoneOnWifi = Draw.chance(rng, PHONE_ON_WIFI_PROBABILITY);
    boolean weekendCheck = Draw.chance(rng, WEEKEND_CHECK_PROBABILITY);
    int startJitter = Draw.between(rng, -10, 20);
    int afternoonJitter = Draw.between(rng, -60, 60);
    int weekendMinutes = Draw.between(rng, 0, 480);
    String homeIp = user.homeIsp().randomAddress(rng);
    TenantHabits habits = tenant.habits();
    SplittableRandom refreshRng =
        Seeds.stream(user.seed(), ScenarioStreams.HISTORY_REFRESHES, day.toEpochDay());
    int endJitter = Draw.between(refreshRng, -15, 15);

    boolean weekend =
        day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    if (habits.onLeave(user.upn(), day)) {
      return;
    }
    UserDay session = new UserDay(user, rng, Id128.randomGuid(rng), out);
    if (weekend) {
      if (weekendCheck) {
        Instant at = local(user, day, LocalTime.of(10, 0)).plusSeconds(60L * weekendMinutes);
        Hop hop = session.usualHop(homeIp);
        TokenGrant grant = session.signIn(at, false, hop);
        session.reads(grant, at.plusSeconds(30), Duration.ofMinutes(15), 3 + rng.nextInt(10), hop);
      }
      return;
    }
    if (dayOff) {
      return;
    }
    Instant start = local(user, day, user.workStart()).plusSeconds(60L * startJitter);
    Instant end = start.plus(user.workLength()).plusSeconds(60L * endJitter);
    Hop morning = session.usualHop(homeIp);
    TokenGrant first = session.signIn(start, true, morning);
    if (user.client() == ClientProfile.OUTLOOK_DESKTOP) {
      session.sync(first, start.plusSeconds(10 + rng.nextInt(20)), 2 + rng.nextInt(5), morning);
    }
    int hourly = (int) Math.round(user.itemsPerHour() * (0.85 + 0.3 * rng.nextDouble()));
    session.reads(first, start.plusSeconds(60), Duration.ofMinutes(55), hourly, morning);
    for (SharedMailbox shared : habits.sharedMailboxes()) {
      if (shared.delegates().stream().anyMatch(d -> d.upn().equals(user.upn()))) {
        session.delegateReads(tenant, shared, first, start.plusSeconds(300), morning);
      }
    }
    boolean onVpn =
        habits.vpnUser(user.upn())
            && habits.corporateVpn().isPresent()
            && user.client() != ClientProfile.OUTLOOK_MOBILE;
    boolean wifiPhone = user.client() == ClientProfile.OUTLOOK_MOBILE && phoneOnWifi;
    if (!afternoon && !(onVpn && vpnDay) && !wifiPhone) {
      session.refreshes(first, end, morning, refreshRng);
      return;
    }
    Instant later = local(user, day, LocalTime.of(14, 0)).plusSeconds(60L * afternoonJitter);
    if (!later.isAfter(start.plus(Duration.ofMinutes(70)))) {
      later = start.plus(Duration.ofMinutes(70));
    }
    Hop afternoonHop = morning;
    if (onVpn && vpnDay) {
      Network vpn = habits.corporateVpn().get();
      afternoonHop = Hop.fixed(vpn, vpn.randomAddress(rng));
    } else if (wifiPhone) {
      afternoonHop = Hop.fixed(user.homeIsp(), homeIp);
    }
    session.refreshes(first, later, morning, refreshRng);
    TokenGrant second = session.signIn(later, false, afternoonHop);
    int items = (int) Math.round(user.itemsPerHour() * (0.25 + 0.25 * rng.nextDouble()));
    session.reads(second, later.plusSeconds(45), Duration.ofMinutes(40), items, afternoonHop);
    session.refreshes(second, end, afternoonHop, refreshRng);
  }

  private static Instant local(User user, LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, user.zone()).toInstant();
  }

  /**
   * Where a client connects from: one fixed address, or a phone's carrier, where every record may
   * come from a new address.
   */
  record Hop(Network network, String fixedIp) {
    static Hop fixed(Network network, String ip) {
      return new Hop(network, ip);
    }

    static Hop roaming(Network carrier) {
      return new Hop(carrier, null);
    }

    String ip(SplittableRandom rng) {
      return fixedIp != null ? fixedIp : network.randomAddress(rng);
    }
  }

  /** One user's session on one history day. */
  private static final class UserDay {
    private final User user;
    private final SplittableRandom rng;
    private final Id128 sessionId;
    private final List<SimEvent> out;

    UserDay(User user, SplittableRandom rng, Id128 sessionId, List<SimEvent> out) {
      this.user = user;
      this.rng = rng;
      this.sessionId = sessionId;
      this.out = out;
    }

    Hop usualHop(String homeIp) {
      return user.client().isMobile()
          ? Hop.roaming(user.carrier())
          : Hop.fixed(user.homeIsp(), homeIp);
    }

    TokenGrant signIn(Instant at, boolean interactive, Hop hop) {
      Instant issued = at.plusNanos(100L * rng.nextInt(10_000_000));
      TokenGrant grant =
          new TokenGrant(
              Id128.randomBytes(rng),
              Id128.randomGuid(rng),
              Id128.randomGuid(rng),
              issued,
              issued.plus(Duration.ofMinutes(60 + rng.nextInt(31))),
              interactive);
      out.add(grant.signIn(user, sessionId, hop.network(), hop.ip(rng)));
      return grant;
    }

    /**
     * The non-interactive sign-ins of a client that stays open after {@code grant} until {@code
     * until}: it redeems its refresh token 2-8 minutes before each token expires, tokens living
     * 60-90 minutes. Drawn from {@code refreshRng}, so they shift nothing else of the day.
     */
    void refreshes(TokenGrant grant, Instant until, Hop hop, SplittableRandom refreshRng) {
      Instant expires = grant.expiresAt();
      while (true) {
        Instant issued =
            expires
                .minus(Duration.ofMinutes(2 + refreshRng.nextInt(7)))
                .plusNanos(100L * refreshRng.nextInt(10_000_000));
        if (!issued.isBefore(until)) {
          return;
        }
        expires = issued.plus(Duration.ofMinutes(60 + refreshRng.nextInt(31)));
        TokenGrant refreshed =
            new TokenGrant(
                Id128.randomBytes(refreshRng),
                Id128.randomGuid(refreshRng),
                Id128.randomGuid(refreshRng),
                issued,
                expires,
                false);
        out.add(refreshed.signIn(user, sessionId, hop.network(), hop.ip(refreshRng)));
      }
    }

    void sync(TokenGrant grant, Instant at, int folders, Hop hop) {
      out.add(mail(grant, at, MailAccessType.SYNC, folders, hop.ip(rng)));
    }

    void reads(TokenGrant grant, Instant from, Duration span, int items, Hop hop) {
      if (items < 1) {
        return;
      }
      int parts = Allocation.partsFor(items, ITEMS_PER_RECORD, 1, MAX_ITEMS_PER_RECORD);
      Allocation allocation = new Allocation(rng, items, parts, 1, MAX_ITEMS_PER_RECORD);
      long seconds = span.toSeconds();
      for (int i = 0; i < parts; i++) {
        long offset = i * seconds / parts + rng.nextLong(Math.max(1, seconds / parts));
        out.add(
            mail(
                grant,
                Instant.ofEpochSecond(from.getEpochSecond() + offset),
                MailAccessType.BIND,
                allocation.next(),
                hop.ip(rng)));
      }
    }

    void delegateReads(
        StagedTenant tenant, SharedMailbox shared, TokenGrant grant, Instant from, Hop hop) {
      int records = 2 + rng.nextInt(3);
      for (int i = 0; i < records; i++) {
        Instant at = Instant.ofEpochSecond(from.getEpochSecond() + i * 600L + rng.nextInt(500));
        out.add(
            delegateRead(tenant, shared.mailbox(), grant, at, 5 + rng.nextInt(16), hop.ip(rng)));
      }
    }

    private MailboxAccess delegateRead(
        StagedTenant tenant,
        MailboxIdentity mailbox,
        TokenGrant grant,
        Instant at,
        int items,
        String ip) {
      ClientProfile client = user.client();
      return MailboxAccess.at(at, Id128.randomGuid(rng), tenant.tenant())
          .by(Accessor.of(user))
          .of(mailbox)
          .logonType(MailboxAccess.DELEGATE)
          .bind(items, List.of("\\Inbox"))
          .client(client.app().appId(), client.clientInfoString())
          .from(ip)
          .token(sessionId, grant.uti(), grant.issuedAt())
          .contentSeed(rng.nextLong())
          .build();
    }

    private MailboxAccess mail(
        TokenGrant grant, Instant at, MailAccessType type, int count, String ip) {
      ClientProfile client = user.client();
      return MailboxAccess.byOwner(
          at,
          Id128.randomGuid(rng),
          user,
          type,
          count,
          client.app().appId(),
          client.clientInfoString(),
          ip,
          sessionId,
          grant.uti(),
          grant.issuedAt(),
          rng.nextLong());
    }
  }
}
