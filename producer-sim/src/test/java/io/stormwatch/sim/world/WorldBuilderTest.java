package io.stormwatch.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorldBuilderTest {

  private static final PopulationMix MIX = new PopulationMix(0.10, 0.25, 0.30, 0.05);

  private final WorldBuilder builder = new WorldBuilder(NetworkCatalogue.standard());

  @Test
  void tenantsAreFictionalOrganisationsSpreadOverCountries() {
    World world = builder.build(42, 12, 5, MIX);

    List<Tenant> tenants = world.tenants().stream().map(TenantPopulation::tenant).toList();
    assertThat(tenants)
        .extracting(Tenant::name)
        .startsWith("contoso", "fabrikam", "northwind", "adatum", "tailspin", "woodgrove");
    assertThat(tenants).extracting(Tenant::domain).contains("contoso.com", "fabrikam.com");
    assertThat(tenants.stream().map(Tenant::country).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Country.values());
    assertThat(tenants)
        .allSatisfy(
            t -> {
              assertThat(t.tenantId()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
              assertThat(t.zone()).isEqualTo(t.country().zone());
            });
  }

  @Test
  void tenantNamesRepeatWithASuffixOnceTheListIsUsedUp() {
    assertThat(WorldBuilder.tenantName(0)).isEqualTo("contoso");
    assertThat(WorldBuilder.tenantName(WorldBuilder.TENANT_NAMES.size())).isEqualTo("contoso2");
  }

  @Test
  void usersHaveUniqueFirstDotLastAddressesAtTheirTenantsDomain() {
    World world = builder.build(42, 3, 400, MIX);

    for (TenantPopulation population : world.tenants()) {
      Set<String> upns = population.users().stream().map(User::upn).collect(Collectors.toSet());
      assertThat(upns).hasSize(400);
      assertThat(upns)
          .allSatisfy(
              upn ->
                  assertThat(upn).matches("[a-z]+\\.[a-z]+\\d*@" + population.tenant().domain()));
    }
  }

  @Test
  void namesWithAccentsBecomeAsciiAddresses() {
    assertThat(PersonNames.mailLocalPart("Jürgen", "Müller")).isEqualTo("juergen.mueller");
    assertThat(PersonNames.mailLocalPart("Élodie", "Lefèvre")).isEqualTo("elodie.lefevre");
    assertThat(PersonNames.mailLocalPart("Liam", "O'Brien")).isEqualTo("liam.obrien");
  }

  @Test
  void eachTenantHasExactlyItsShareOfHeavyReaders() {
    World world = builder.build(42, 4, 30, MIX);

    assertThat(world.tenants())
        .allSatisfy(
            t ->
                assertThat(t.users().stream().filter(u -> u.readingBand() == ReadingBand.HEAVY))
                    .hasSize(3));
  }

  @Test
  void usersWorkEightToNineHoursStartingBetweenHalfPastSevenAndHalfPastNine() {
    World world = builder.build(42, 2, 200, MIX);

    assertThat(world.users().toList())
        .allSatisfy(
            u -> {
              assertThat(u.workStart()).isBetween(LocalTime.of(7, 30), LocalTime.of(9, 30));
              assertThat(u.workLength().toMinutes()).isBetween(480L, 540L);
              assertThat(u.itemsPerHour())
                  .isBetween(u.readingBand().minItemsPerHour(), u.readingBand().maxItemsPerHour());
            });
  }

  @Test
  void usersConnectFromNetworksOfTheCountryTheyLiveIn() {
    World world = builder.build(42, 6, 100, MIX);

    assertThat(world.users().toList())
        .allSatisfy(
            u -> {
              assertThat(u.homeIsp().kind()).isEqualTo(NetworkKind.RESIDENTIAL);
              assertThat(u.carrier().kind()).isEqualTo(NetworkKind.MOBILE);
              assertThat(u.homeIsp().country()).isEqualTo(u.country().name());
              assertThat(u.carrier().country()).isEqualTo(u.country().name());
              assertThat(u.zone()).isEqualTo(u.country().zone());
            });
    assertThat(world.users().filter(User::abroad)).isNotEmpty();
    assertThat(world.users().filter(u -> !u.abroad()).count())
        .isGreaterThan(world.userCount() * 8L / 10);
  }

  @Test
  void clientProfilesFollowTheMix() {
    World world = builder.build(42, 10, 100, new PopulationMix(0.1, 0.5, 0.5, 0.0));

    assertThat(world.users().map(User::client).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(ClientProfile.OUTLOOK_MOBILE, ClientProfile.OWA_BROWSER);
  }

  @Test
  void growingTheWorldLeavesExistingTenantsAndUsersUnchanged() {
    World small = builder.build(42, 3, 20, MIX);
    World large = builder.build(42, 5, 25, MIX);

    for (int t = 0; t < 3; t++) {
      assertThat(large.tenants().get(t).tenant()).isEqualTo(small.tenants().get(t).tenant());
      for (int u = 0; u < 20; u++) {
        User before = small.tenants().get(t).users().get(u);
        User after = large.tenants().get(t).users().get(u);
        assertThat(after.upn()).isEqualTo(before.upn());
        assertThat(after.userId()).isEqualTo(before.userId());
        assertThat(after.client()).isEqualTo(before.client());
        assertThat(after.homeIsp()).isEqualTo(before.homeIsp());
      }
    }
  }
}
