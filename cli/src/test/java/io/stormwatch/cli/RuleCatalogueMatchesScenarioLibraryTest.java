package io.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.catalogue.RuleCatalogue;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.sim.scenario.DetectionRules;
import io.stormwatch.sim.scenario.ScenarioKind;
import io.stormwatch.sim.scenario.ScenarioType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scenario library (producer-sim, which does not depend on the detector) names rules by id;
 * those ids are the rule catalogue's, and every catalogued rule has scenarios: at least one attack
 * it must fire on and the benign traps its descriptor names.
 */
class RuleCatalogueMatchesScenarioLibraryTest {

  private static final Set<String> CATALOGUED =
      RuleCatalogue.descriptors().stream().map(RuleDescriptor::id).collect(Collectors.toSet());

  @Test
  void theScenarioLibraryNamesTheCataloguedRulesAndNoOthers() {
    assertThat(DetectionRules.ALL)
        .as("DetectionRules.ALL (producer-sim) against the rule catalogue (detector)")
        .containsExactlyInAnyOrderElementsOf(CATALOGUED);
    assertThat(
            Arrays.stream(ScenarioType.values())
                .flatMap(t -> Stream.concat(t.requiredRules().stream(), t.allowedRules().stream())))
        .as("rules the scenario types require or allow")
        .allSatisfy(rule -> assertThat(CATALOGUED).contains(rule));
  }

  @Test
  void everyCataloguedRuleHasAnAttackItMustFireOn() {
    for (String rule : CATALOGUED) {
      assertThat(ScenarioType.values())
          .as("attack scenarios requiring %s", rule)
          .anySatisfy(
              t -> {
                assertThat(t.kind()).isEqualTo(ScenarioKind.ATTACK);
                assertThat(t.requiredRules()).contains(rule);
              });
    }
  }

  @Test
  void everyCataloguedRuleNamesBenignTrapsOfTheLibrary() {
    for (RuleDescriptor rule : RuleCatalogue.descriptors()) {
      List<String> traps = rule.trapScenarios();
      assertThat(traps).as("%s's trap scenarios", rule.id()).isNotEmpty();
      for (String trap : traps) {
        assertThat(ScenarioType.byId(trap))
            .as("%s names the trap %s", rule.id(), trap)
            .hasValueSatisfying(t -> assertThat(t.kind()).isEqualTo(ScenarioKind.BENIGN_TRAP));
      }
    }
  }
}
