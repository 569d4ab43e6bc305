package io.stormwatch.sim.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.sim.scenario.ScenarioLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GroundTruth truth =
      new TenantSimulator(
              SimulationSettings.builder(Instant.parse("2026-03-10T08:00:00Z")).tenants(1).build())
          .groundTruth();

  @Test
  void anAttackIsWrittenAsTheScenarioLabelEvaluateReports() throws IOException {
    JsonNode json = JSON.readTree(new GroundTruthWriter().toJson(truth));

    ScenarioLabel label = truth.attacks().get(0);
    JsonNode attack = json.path("attacks").get(0);
    assertThat(attack.path("id").asText()).isEqualTo("token-replay-vps-contoso-1");
    assertThat(attack.path("type").asText()).isEqualTo("token-replay-vps");
    assertThat(attack.path("kind").asText()).isEqualTo("ATTACK");
    assertThat(attack.path("requiredRules").toString()).isEqualTo("[\"token-replay\"]");
    assertThat(attack.path("accounts").get(0).asText()).isEqualTo(label.accounts().get(0));
    assertThat(attack.path("start").asText()).isEqualTo(label.start().toString());
    assertThat(attack.path("parameters").path("attackerIp").asText())
        .isEqualTo(label.parameters().get("attackerIp"));
    assertThat(attack.path("recordIds")).hasSize(label.recordIds().size());
    assertThat(json.path("seed").asLong()).isEqualTo(42);
  }

  @Test
  void writesAFileWithTheUnplacedAttacksAndWhy(@TempDir Path dir) throws IOException {
    GroundTruth sundayNight =
        new TenantSimulator(
                SimulationSettings.builder(Instant.parse("2026-03-15T03:00:00Z"))
                    .tenants(1)
                    .duration(Duration.ofHours(3))
                    .attackWarmUp(Duration.ofHours(1))
                    .weekendShare(0)
                    .build())
            .groundTruth();
    Path file = dir.resolve("truth.json");

    new GroundTruthWriter().write(sundayNight, file);

    JsonNode unplaced = JSON.readTree(file.toFile()).path("unplaced");
    assertThat(unplaced).hasSize(3);
    assertThat(unplaced.get(1).path("id").asText()).isEqualTo("forged-token-bulk-rest-contoso-1");
    assertThat(unplaced.get(1).path("reason").asText()).contains("no user of contoso is active");
  }
}
