package io.stormwatch.sim.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.sim.truth.GroundTruth;
import io.stormwatch.sim.truth.LabelledAttack;
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
        .extracting(LabelledAttack::attackId)
        .containsExactly(
            "token-replay-contoso-1", "token-replay-contoso-2",
            "forged-token-contoso-1", "forged-token-contoso-2",
            "mass-mail-read-contoso-1", "mass-mail-read-contoso-2",
            "token-replay-fabrikam-1", "token-replay-fabrikam-2",
            "forged-token-fabrikam-1", "forged-token-fabrikam-2",
            "mass-mail-read-fabrikam-1", "mass-mail-read-fabrikam-2");
    assertThat(truth.attacks()).extracting(LabelledAttack::accountId).doesNotHaveDuplicates();
  }

  @Test
  void onlyTheRequestedTypesAreInjected() {
    GroundTruth truth =
        new TenantSimulator(
                SimulationSettings.builder(TUESDAY)
                    .attackTypes(EnumSet.of(AttackType.FORGED_TOKEN))
                    .build())
            .groundTruth();

    assertThat(truth.attacks())
        .extracting(LabelledAttack::type)
        .containsOnly(AttackType.FORGED_TOKEN);
    assertThat(
            new TenantSimulator(SimulationSettings.builder(TUESDAY).noAttacks().build())
                .groundTruth()
                .attacks())
        .isEmpty();
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
        .extracting(UnplacedAttack::attackId)
        .containsExactly(
            "token-replay-contoso-1", "forged-token-contoso-1", "mass-mail-read-contoso-1");
    assertThat(truth.unplaced().get(0).reason()).contains("no user of contoso is active");
  }
}
