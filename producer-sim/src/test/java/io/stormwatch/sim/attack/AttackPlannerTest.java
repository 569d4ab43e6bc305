package io.stormwatch.sim.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.truth.GroundTruth;
import io.stormwatch.sim.truth.UnplacedAttack;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AttackPlannerTest {

  private static final Instant TUESDAY = Instant.parse("2026-03-10T08:00:00Z");

  @Test
  void attacksAreNumberedPerTenantAndType() {
    GroundTruth truth =
        new TenantSimulator(
                SimulationSettings.builder(TUESDAY).tenants(2).attacksPerType(2).build())
            .groundTruth();

    assertThat(truth.attacks())
        .extracting(ScenarioLabel::id)
        .containsExactly(
            "token-replay-vps-contoso-1", "token-replay-vps-contoso-2",
            "forged-token-bulk-rest-contoso-1", "forged-token-bulk-rest-contoso-2",
            "mass-mail-read-contoso-1", "mass-mail-read-contoso-2",
            "token-replay-vps-fabrikam-1", "token-replay-vps-fabrikam-2",
            "forged-token-bulk-rest-fabrikam-1", "forged-token-bulk-rest-fabrikam-2",
            "mass-mail-read-fabrikam-1", "mass-mail-read-fabrikam-2");
    assertThat(truth.attacks()).extracting(ScenarioLabel::accounts).doesNotHaveDuplicates();
  }

  @Test
  void onlyTheRequestedTypesAreInjected() {
    GroundTruth truth =
        new TenantSimulator(
                SimulationSettings.builder(TUESDAY)
                    .attackTypes(EnumSet.of(ScenarioType.FORGED_TOKEN_BULK_REST))
                    .build())
            .groundTruth();

    assertThat(truth.attacks())
        .extracting(ScenarioLabel::type)
        .containsOnly(ScenarioType.FORGED_TOKEN_BULK_REST);
    assertThat(
            new TenantSimulator(SimulationSettings.builder(TUESDAY).noAttacks().build())
                .groundTruth()
                .attacks())
        .isEmpty();
  }

  @Test
  void theDemoPlacesOnlyAttacksThatCanChooseTheirOwnVictim() {
    assertThatThrownBy(
            () ->
                SimulationSettings.builder(TUESDAY)
                    .attackTypes(EnumSet.of(ScenarioType.CONSENT_PHISHING_APP))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CONSENT_PHISHING_APP");
  }

  @Test
  void aTenantWithNobodyAtWorkReportsItsAttacksAsUnplaced() {
    // Saturday night in New York, nobody checks mail at the weekend.
    GroundTruth truth =
        new TenantSimulator(
                SimulationSettings.builder(Instant.parse("2026-03-15T03:00:00Z"))
                    .tenants(1)
                    .duration(Duration.ofHours(3))
                    .attackWarmUp(Duration.ofHours(1))
                    .weekendShare(0)
                    .build())
            .groundTruth();

    assertThat(truth.attacks()).isEmpty();
    assertThat(truth.unplaced())
        .extracting(UnplacedAttack::id)
        .containsExactly(
            "token-replay-vps-contoso-1",
            "forged-token-bulk-rest-contoso-1",
            "mass-mail-read-contoso-1");
    assertThat(truth.unplaced().get(0).reason()).contains("no user of contoso is active");
  }
}
