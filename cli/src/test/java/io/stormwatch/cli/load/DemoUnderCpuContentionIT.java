package io.stormwatch.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.cli.CommandRun;
import io.stormwatch.cli.demo.DemoCommand;
import io.stormwatch.cli.options.SimulationOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on a machine whose cores are all busy, three times in a row: every run detects every
 * injected attack, raises nothing else, and raises the same alerts. Nothing in the demo may depend
 * on how fast the machine is (it waits on committed offsets and read positions, not on time).
 */
class DemoUnderCpuContentionIT {

  private static final int RUNS = 3;

  @Test
  void everyRunUnderLoadDetectsEveryAttackWithTheSameAlerts(@TempDir Path dir) throws Exception {
    String start = SimulationOptions.defaultStart(LocalDate.now(ZoneOffset.UTC)).toString();
    List<Set<String>> alertIdsPerRun = new ArrayList<>();
    try (CpuContention load = CpuContention.onEveryCore()) {
      for (int run = 1; run <= RUNS; run++) {
        Path summaryFile = dir.resolve("demo-" + run + ".json");
        CommandRun demo =
            CommandRun.of(
                new DemoCommand(),
                "--seed=42",
                "--tenants=2",
                "--users-per-tenant=20",
                "--hours=3",
                "--start=" + start,
                "--quiet",
                "--summary-json=" + summaryFile);
        assertThat(demo.exitCode()).as(demo.toString()).isZero();

        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertThat(summary.path("injectedAttacks").asInt()).as("run %d", run).isPositive();
        assertThat(summary.path("missed").asInt()).as("run %d", run).isZero();
        assertThat(summary.path("unmatchedAlerts")).as("run %d", run).isEmpty();
        alertIdsPerRun.add(alertIds(summary));
      }
    }
    assertThat(alertIdsPerRun.get(0)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(alertIdsPerRun).allSatisfy(ids -> assertThat(ids).isEqualTo(alertIdsPerRun.get(0)));
  }

  private static Set<String> alertIds(JsonNode summary) {
    Set<String> ids = new TreeSet<>();
    summary.path("attacks").forEach(a -> a.path("alertIds").forEach(id -> ids.add(id.asText())));
    return ids;
  }
}
