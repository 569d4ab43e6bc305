package io.stormwatch.sim.world;

import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.random.StreamLabel;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the simulated tenants and users from a seed.
 *
 * <p>Tenant {@code i} depends only on the seed and {@code i}, and user {@code j} only on its tenant
 * and {@code j} (plus the names taken by users before it), so growing the world never changes the
 * tenants and users that were already there.
 */
public final class WorldBuilder {

  /** Fictional organisation names in the order tenants receive them. */
  static final List<String> TENANT_NAMES =
      List.of(
          "contoso",
          "fabrikam",
          "northwind",
          "adatum",
          "tailspin",
          "woodgrove",
          "litware",
          "proseware",
          "wingtip",
          "alpine",
          "fourthcoffee",
          "relecloud",
          "lamna",
          "margie",
          "treyresearch",
          "cohowinery",
          "lucerne",
          "wideworld",
          "bellows",
          "blueyonder");

  /** Countries in the order tenants are spread over them. */
  static final List<Country> TENANT_COUNTRIES =
      List.of(Country.US, Country.GB, Country.DE, Country.FR, Country.JP, Country.AU);

  private static final LocalTime EARLIEST_START = LocalTime.of(7, 30);
  private static final int START_STEPS = 24; // 5-minute steps: 07:30 .. 09:30
  private static final Duration SHORTEST_DAY = Duration.ofHours(8);
  private static final int LENGTH_STEPS = 12; // 5-minute steps: 8 h .. 9 h

  private final NetworkCatalogue catalogue;

  public WorldBuilder(NetworkCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * Builds {@code tenants} tenants of {@code usersPerTenant} users each.
   *
   * @throws IllegalArgumentException if a count is not positive
   */
  public World build(long seed, int tenants, int usersPerTenant, PopulationMix mix) {
    if (tenants < 1 || usersPerTenant < 1) {
      throw new IllegalArgumentException("tenants and usersPerTenant must be at least 1");
    }
    List<TenantPopulation> populations = new ArrayList<>(tenants);
    for (int i = 0; i < tenants; i++) {
      Tenant tenant = tenant(seed, i);
      populations.add(new TenantPopulation(tenant, users(tenant, usersPerTenant, mix)));
    }
    return new World(populations);
  }

  static String tenantName(int index) {
    String base = TENANT_NAMES.get(index % TENANT_NAMES.size());
    int round = index / TENANT_NAMES.size();
    return round == 0 ? base : base + (round + 1);
  }

  private Tenant tenant(long seed, int index) {
    long tenantSeed = Seeds.derive(seed, StreamLabel.TENANT, index);
    SplittableRandom rng = new SplittableRandom(tenantSeed);
    String tenantId = Id128.randomGuid(rng).asGuid();
    String sidPrefix =
        "S-1-5-21-"
            + rng.nextLong(1_000_000_000L, 4_000_000_000L)
            + "-"
            + rng.nextLong(1_000_000_000L, 4_000_000_000L)
            + "-"
            + rng.nextLong(1_000_000_000L, 4_000_000_000L);
    Country country = TENANT_COUNTRIES.get(index % TENANT_COUNTRIES.size());
    String name = tenantName(index);
    return new Tenant(
        index, name, tenantId, name + ".com", country, country.zone(), sidPrefix, tenantSeed);
  }

  private List<User> users(Tenant tenant, int count, PopulationMix mix) {
    boolean[] heavy = pickHeavyReaders(tenant, count, mix.heavyReaderShare());
    Set<String> takenLocalParts = new HashSet<>();
    List<User> users = new ArrayList<>(count);
    for (int j = 0; j < count; j++) {
      users.add(user(tenant, j, heavy[j], mix, takenLocalParts));
    }
    return users;
  }

  /** Exactly {@code round(share * count)} heavy readers, placed by a partial shuffle. */
  private static boolean[] pickHeavyReaders(Tenant tenant, int count, double share) {
    SplittableRandom rng = Seeds.stream(tenant.seed(), StreamLabel.TENANT_TRAITS);
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    int wanted = (int) Math.round(share * count);
    boolean[] heavy = new boolean[count];
    for (int i = 0; i < wanted; i++) {
      int pick = i + rng.nextInt(count - i);
      int swap = order[i];
      order[i] = order[pick];
      order[pick] = swap;
      heavy[order[i]] = true;
    }
    return heavy;
  }

  private User user(
      Tenant tenant, int index, boolean heavy, PopulationMix mix, Set<String> takenLocalParts) {
    long userSeed = Seeds.derive(tenant.seed(), StreamLabel.USER, index);
    SplittableRandom rng = new SplittableRandom(userSeed);

    Country country = tenant.country();
    if (Draw.chance(rng, mix.abroadShare())) {
      List<Country> others =
          List.of(Country.values()).stream().filter(c -> c != tenant.country()).toList();
      country = Draw.oneOf(rng, others);
    }
    String given = Draw.oneOf(rng, country.names().given());
    String family = Draw.oneOf(rng, country.names().family());
    String localPart = uniqueLocalPart(PersonNames.mailLocalPart(given, family), takenLocalParts);

    String userId = Id128.randomGuid(rng).asGuid();
    String userKey = String.format(Locale.ROOT, "1003%012X", rng.nextLong(1L << 48));
    String mailboxGuid = Id128.randomGuid(rng).asGuid();
    String mailboxServer =
        Draw.oneOf(rng, tenant.country().mailboxServerPrefixes()) + Draw.between(rng, 1000, 9999);
    City city = Draw.oneOf(rng, country.cities());
    LocalTime workStart = EARLIEST_START.plusMinutes(5L * Draw.between(rng, 0, START_STEPS));
    Duration workLength = SHORTEST_DAY.plusMinutes(5L * Draw.between(rng, 0, LENGTH_STEPS));

    double clientDraw = rng.nextDouble();
    ClientProfile client =
        clientDraw < mix.mobileShare()
            ? ClientProfile.OUTLOOK_MOBILE
            : clientDraw < mix.mobileShare() + mix.owaShare()
                ? ClientProfile.OWA_BROWSER
                : ClientProfile.OUTLOOK_DESKTOP;
    ReadingBand band = heavy ? ReadingBand.HEAVY : ReadingBand.NORMAL;
    int itemsPerHour = Draw.between(rng, band.minItemsPerHour(), band.maxItemsPerHour());
    Network homeIsp = Draw.oneOf(rng, catalogue.residential(country));
    Network carrier = Draw.oneOf(rng, catalogue.mobile(country));

    return new User(
        tenant,
        index,
        localPart + "@" + tenant.domain(),
        given + " " + family,
        userId,
        userKey,
        tenant.sidPrefix() + "-" + (1100 + index),
        mailboxGuid,
        mailboxServer,
        country,
        country.zone(),
        city,
        workStart,
        workLength,
        client,
        band,
        itemsPerHour,
        homeIsp,
        carrier,
        userSeed);
  }

  /** Appends 2, 3, ... as administrators do when two people share a name. */
  private static String uniqueLocalPart(String wanted, Set<String> taken) {
    String candidate = wanted;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = wanted + n;
    }
    return candidate;
  }
}
