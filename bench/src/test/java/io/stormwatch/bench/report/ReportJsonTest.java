package io.stormwatch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

  @Test
  void holdsTheSameFiguresAsTheTable(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("bench.json");

    ReportJson.write(SampleReports.report(80.0, 450, Map.of("a", "b")), file);
    JsonNode json = new ObjectMapper().readTree(file.toFile());

    assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
    assertThat(json.at("/machine/kafkaVersion").asText()).isEqualTo("4.3.1");
    assertThat(json.at("/pipelineSettings/a").asText()).isEqualTo("b");
    assertThat(json.at("/input/records").asLong()).isEqualTo(2_000_000);
    assertThat(json.at("/throughput/rawRead/eventsPerSecond").asLong()).isEqualTo(500_000);
    assertThat(json.at("/throughput/floor/eventsPerSecond").asLong()).isEqualTo(50_000);
    assertThat(json.at("/throughput/stormwatch/eventsPerSecond").asLong()).isEqualTo(25_000);
    assertThat(json.at("/throughput/stormwatch/cpuMicrosPerRecord").asDouble()).isEqualTo(75.0);
    assertThat(json.at("/throughput/stormwatch/clientCpuMicrosPerRecord").asDouble())
        .isEqualTo(55.0);
    assertThat(json.at("/throughput/stormwatch/appendedRecords").asLong()).isEqualTo(11_000_000);
    assertThat(json.at("/throughput/floor/appendsPerRecord").asDouble()).isEqualTo(2.05);
    assertThat(json.at("/ratios/stormwatchToFloor").asDouble()).isEqualTo(0.5);
    assertThat(json.at("/ratios/alertsOnlyToFloor").asDouble()).isEqualTo(0.8);
    assertThat(json.at("/throughput/alertsOnly/appendedByTopic/account-state-changelog").asLong())
        .isEqualTo(9_000_000L);
    assertThat(json.at("/ratios/stormwatchToRaw").asDouble()).isEqualTo(0.05);
    assertThat(json.at("/latency/appendToAppendMs/p99").asLong()).isEqualTo(450);
    assertThat(json.at("/latency/appendToReadableMs/p99").asLong()).isEqualTo(510);
    assertThat(json.at("/latency/byRule/0/ruleId").asText()).isEqualTo("mail-burst");
    assertThat(json.at("/latency/byRule/1/appendToAppendMs/count").asLong()).isEqualTo(234);
    assertThat(json.at("/latency/gcPauses/pauses").asLong()).isEqualTo(42);
    assertThat(json.at("/latency/gcPauses/longestMs").asLong()).isEqualTo(262);
    assertThat(json.at("/latency/backlog/maxRecords").asLong()).isEqualTo(3_512);
    assertThat(json.at("/latency/backlog/maxAtSeconds").asDouble()).isEqualTo(3.25);
    assertThat(json.at("/targets/stormwatchToFloorAtLeast").asDouble()).isEqualTo(0.5);
    assertThat(json.at("/targets/stormwatchToFloorMet").asBoolean()).isTrue();
    assertThat(json.at("/targets/p99Met").asBoolean()).isTrue();
    assertThat(json.at("/memory/0/heapAfterGcBytes").asLong()).isEqualTo(300 * SampleReports.MIB);
    assertThat(json.at("/memory/1/rssBytes").isNull()).isTrue();
  }

  @Test
  void writesUnknownNumbersAsNull() {
    ObjectNode node = new ObjectMapper().createObjectNode();

    ReportJson.number(node, "nan", Double.NaN, 2);
    ReportJson.number(node, "rounded", 1.23456, 2);
    ReportJson.number(node, "whole", 12_499.6, 0);

    assertThat(node.get("nan").isNull()).isTrue();
    assertThat(node.get("rounded").asDouble()).isEqualTo(1.23);
    assertThat(node.get("whole").asLong()).isEqualTo(12_500);
  }
}
