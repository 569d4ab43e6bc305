package io.stormwatch.sim.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.sim.attack.AttackType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthWriterTest {

  private final GroundTruth truth =
      new GroundTruth(
          42,
          Instant.parse("2026-03-10T08:00:00Z"),
          Instant.parse("2026-03-10T16:00:00Z"),
          List.of(
              new LabelledAttack(
                  "token-replay-contoso-1",
                  AttackType.TOKEN_REPLAY,
                  List.of("T1550.001", "T1528"),
                  "b23db3b9-c462-4ba6-a869-c72b1bb76250",
                  "contoso",
                  "alice.smith@contoso.com",
                  Instant.parse("2026-03-10T13:49:34Z"),
                  Instant.parse("2026-03-10T13:57:52Z"),
                  List.of("c2f40f99-edee-4319-b12d-c12ea6d5ac94"),
                  49,
                  List.of("146.70.152.66"),
                  List.of(9009L),
                  List.of("RO"),
                  List.of("IhyR-dXHS3L5BaoPTNJJ0w"),
                  "c1318827-047a-4c22-89e2-e2225dff03a1",
                  "d3590ed6-52b3-4102-aeff-aad2292ab01c",
                  "replayed"),
              new LabelledAttack(
                  "forged-token-contoso-1",
                  AttackType.FORGED_TOKEN,
                  List.of("T1606"),
                  "b23db3b9-c462-4ba6-a869-c72b1bb76250",
                  "contoso",
                  "bob.jones@contoso.com",
                  Instant.parse("2026-03-10T12:37:29Z"),
                  Instant.parse("2026-03-10T13:22:28Z"),
                  List.of("49652baa-cf96-40b4-8da3-c3eec70302cb"),
                  2197,
                  List.of("51.255.33.169"),
                  List.of(16276L),
                  List.of("FR"),
                  List.of("P7NInnLk2EcvA7bg4UpeUw"),
                  null,
                  "4f5a9c2e-7d3b-4e81-9b6a-2c0d8e1f3a57",
                  "forged")),
          List.of(
              new UnplacedAttack(
                  "mass-mail-read-contoso-1",
                  AttackType.MASS_MAIL_READ,
                  "b23db3b9-c462-4ba6-a869-c72b1bb76250",
                  "contoso",
                  "nobody works")));

  @Test
  void writesAFileThatReadsBackToTheSameTruth(@TempDir Path dir) {
    Path file = dir.resolve("truth.json");

    new GroundTruthWriter().write(truth, file);

    assertThat(new GroundTruthReader().read(file)).isEqualTo(truth);
  }

  @Test
  void theJsonSpellsOutTypesTechniquesAndIsoTimes() throws IOException {
    JsonNode json = new ObjectMapper().readTree(new GroundTruthWriter().toJson(truth));

    JsonNode attack = json.path("attacks").get(0);
    assertThat(attack.path("attackId").asText()).isEqualTo("token-replay-contoso-1");
    assertThat(attack.path("type").asText()).isEqualTo("TOKEN_REPLAY");
    assertThat(attack.path("techniques").toString()).isEqualTo("[\"T1550.001\",\"T1528\"]");
    assertThat(attack.path("startTime").asText()).isEqualTo("2026-03-10T13:49:34Z");
    assertThat(json.path("attacks").get(1).path("sessionId").isNull()).isTrue();
    assertThat(json.path("unplaced").get(0).path("reason").asText()).isEqualTo("nobody works");
  }

  @Test
  void refusesJsonThatIsNotGroundTruth(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("other.json");
    Files.writeString(file, "{\"records\":[]}");

    assertThatThrownBy(() -> new GroundTruthReader().read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not ground-truth JSON");
  }
}
