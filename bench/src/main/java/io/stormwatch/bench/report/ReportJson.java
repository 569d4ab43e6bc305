package io.stormwatch.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.bench.latency.LatencyFigures;
import io.stormwatch.bench.latency.LatencySummary;
import io.stormwatch.bench.latency.RuleLatency;
import io.stormwatch.bench.memory.MemoryFigures;
import io.stormwatch.bench.throughput.ThroughputFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * Writes a {@link BenchReport} as JSON with the same figures as the table: rates and times rounded
 * to what was measured, sizes in bytes, latencies in milliseconds; unknown values are null.
 */
public final class ReportJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  public static void write(BenchReport report, Path file) throws IOException {
    JSON.writeValue(file.toFile(), toJson(report));
  }

  public static ObjectNode toJson(BenchReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("startedAt", report.startedAt().toString());
    MachineInfo m = report.machine();
    ObjectNode machine = root.putObject("machine");
    machine.put("cores", m.cores());
    machine.put("cpuModel", m.cpuModel());
    machine.put("memoryBytes", m.memoryBytes());
    machine.put("os", m.os());
    machine.put("jvm", m.jvm());
    machine.put("initialHeapBytes", m.initialHeapBytes());
    machine.put("maxHeapBytes", m.maxHeapBytes());
    machine.put("garbageCollectors", m.garbageCollectors());
    machine.put("kafkaVersion", m.kafkaVersion());
    ObjectNode pipelineSettings = root.putObject("pipelineSettings");
    new TreeMap<>(report.pipelineSettings()).forEach(pipelineSettings::put);
    ObjectNode load = root.putObject("loadAverage");
    number(load, "start", report.loadAverageAtStart(), 2);
    number(load, "end", report.loadAverageAtEnd(), 2);

    InputFigures in = report.input();
    ObjectNode input = root.putObject("input");
    input.put("records", in.loaded().records());
    input.put("ualRecords", in.loaded().ualRecords());
    input.put("signInRecords", in.loaded().signInRecords());
    input.put("jsonBytes", in.loaded().jsonBytes());
    number(input, "loadSeconds", in.loaded().seconds(), 3);
    input.put("tenants", in.tenants());
    input.put("accounts", in.accounts());
    input.put("simulatedMinutes", in.simulatedMinutes());
    input.put("attacksPlaced", in.attacksPlaced());
    input.put("partitions", in.partitions());
    input.put("streamThreads", in.streamThreads());

    ObjectNode throughput = root.putObject("throughput");
    phase(throughput.putObject("rawRead"), report.rawRead());
    phase(throughput.putObject("floor"), report.floor());
    phase(throughput.putObject("stormwatch"), report.stormwatch());
    phase(throughput.putObject("alertsOnly"), report.alertsOnly());
    ObjectNode ratios = root.putObject("ratios");
    number(ratios, "stormwatchToFloor", report.stormwatchToFloor(), 3);
    number(ratios, "alertsOnlyToFloor", report.alertsOnlyToFloor(), 3);
    number(ratios, "stormwatchToRaw", report.stormwatchToRaw(), 3);

    LatencyFigures l = report.latency();
    ObjectNode latency = root.putObject("latency");
    number(latency, "offeredPerSecond", l.offeredPerSecond(), 0);
    number(latency, "sentPerSecond", l.sentPerSecond(), 0);
    latency.put("records", l.records());
    number(latency, "seconds", l.seconds(), 3);
    number(latency, "catchUpSeconds", l.catchUpSeconds(), 3);
    latency.put("alertRevisions", l.alertRevisions());
    latency.put("unmatchedRevisions", l.unmatchedRevisions());
    summary(latency.putObject("appendToAppendMs"), l.appendToAppend());
    summary(latency.putObject("appendToReadableMs"), l.appendToReadable());
    ArrayNode rules = latency.putArray("byRule");
    for (RuleLatency rule : l.byRule()) {
      ObjectNode node = rules.addObject();
      node.put("ruleId", rule.ruleId());
      summary(node.putObject("appendToAppendMs"), rule.appendToAppend());
      summary(node.putObject("appendToReadableMs"), rule.appendToReadable());
    }
    ObjectNode gcPauses = latency.putObject("gcPauses");
    gcPauses.put("pauses", l.gcPauses().pauses());
    gcPauses.put("totalMs", l.gcPauses().totalMs());
    gcPauses.put("longestMs", l.gcPauses().longestMs());
    ObjectNode backlog = latency.putObject("backlog");
    backlog.put("samples", l.backlog().samples());
    backlog.put("medianRecords", l.backlog().medianRecords());
    backlog.put("maxRecords", l.backlog().maxRecords());
    number(backlog, "maxAtSeconds", l.backlog().maxAtSeconds(), 2);

    ObjectNode targets = root.putObject("targets");
    targets.put("stormwatchToFloorAtLeast", BenchReport.TARGET_STORMWATCH_TO_FLOOR);
    targets.put(
        "stormwatchToFloorMet",
        report.stormwatchToFloor() >= BenchReport.TARGET_STORMWATCH_TO_FLOOR);
    targets.put("p99MsAtMost", BenchReport.TARGET_P99_MS);
    targets.put(
        "p99Met",
        l.appendToAppend().count() > 0 && l.appendToAppend().p99Ms() <= BenchReport.TARGET_P99_MS);

    ArrayNode memory = root.putArray("memory");
    for (MemoryFigures figures : report.memory()) {
      ObjectNode point = memory.addObject();
      point.put("when", figures.when());
      point.put("heapAfterGcBytes", figures.heapAfterGcBytes());
      point.put("maxHeapBytes", figures.maxHeapBytes());
      bytes(point, "rssBytes", figures.rssBytes());
      bytes(point, "stateStoreBytes", figures.stateStoreBytes());
    }
    number(root, "totalSeconds", report.totalSeconds(), 1);
    return root;
  }

  private static void phase(ObjectNode node, ThroughputFigures figures) {
    node.put("description", figures.description());
    node.put("records", figures.records());
    number(node, "seconds", figures.seconds(), 3);
    number(node, "eventsPerSecond", figures.eventsPerSecond(), 0);
    number(node, "cpuSeconds", figures.cpuSeconds(), 3);
    number(node, "cpuMicrosPerRecord", figures.cpuMicrosPerRecord(), 2);
    number(node, "clientCpuSeconds", figures.clientCpuSeconds(), 3);
    number(node, "clientCpuMicrosPerRecord", figures.clientCpuMicrosPerRecord(), 2);
    number(node, "startupSeconds", figures.startupSeconds(), 3);
    node.put("appendedRecords", figures.appendedRecords());
    number(node, "appendsPerRecord", figures.appendsPerRecord(), 3);
    ObjectNode byTopic = node.putObject("appendedByTopic");
    new TreeMap<>(figures.appendedByTopic()).forEach(byTopic::put);
  }

  private static void summary(ObjectNode node, LatencySummary summary) {
    node.put("count", summary.count());
    node.put("p50", summary.p50Ms());
    node.put("p90", summary.p90Ms());
    node.put("p99", summary.p99Ms());
    node.put("max", summary.maxMs());
  }

  private static void bytes(ObjectNode node, String name, long value) {
    if (value < 0) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }

  /** Rounds to {@code decimals}; NaN and infinities become null. */
  static void number(ObjectNode node, String name, double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      node.putNull(name);
    } else if (decimals == 0) {
      node.put(name, Math.round(value));
    } else {
      double scale = Math.pow(10, decimals);
      node.put(name, Math.round(value * scale) / scale);
    }
  }
}
