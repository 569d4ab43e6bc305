package io.stormwatch.cli.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.traffic.replay.ReplayReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Writes a backtest's figures as JSON, for CI checks and dashboards ({@code --summary-json}). */
final class BacktestSummaryJson {

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  void write(BacktestResult result, Path file) throws IOException {
    json.writeValue(file.toFile(), tree(result));
  }

  ObjectNode tree(BacktestResult result) {
    ReplayReport replay = result.replay();
    DeadLetterTally deadLetters = result.deadLetters();
    ObjectNode root = json.createObjectNode();
    root.put("files", replay.files().size());
    root.put("unreadableFiles", replay.unreadableFiles().size());
    ObjectNode records = root.putObject("records");
    records.put("read", replay.read());
    records.put("outsideRange", replay.outsideRange());
    records.put("rejectedByReplay", replay.rejectedCount());
    records.put("sent", replay.sent());
    records.put("normalised", result.normalised());
    records.put("late", result.late());
    records.put("rejectedByNormaliser", deadLetters.fromRawTopics());
    records.put("deadLetteredLater", deadLetters.fromOtherTopics());
    records.put("duplicates", result.duplicates());
    records.put("accountedFor", result.accountedFor());
    ObjectNode byKind = records.putObject("readByKind");
    new TreeMap<>(replay.readByKind()).forEach((kind, n) -> byKind.put(kind.name(), n));
    ObjectNode byLayout = records.putObject("readByLayout");
    new TreeMap<>(replay.readByFormat()).forEach((format, n) -> byLayout.put(format.name(), n));
    ObjectNode letters = root.putObject("deadLetters");
    letters.put("total", deadLetters.total());
    ObjectNode byType = letters.putObject("byErrorType");
    deadLetters.byType().forEach(type -> byType.put(type.errorType(), type.count()));
    ObjectNode alerts = root.putObject("alerts");
    alerts.put("incidents", result.alerts().size());
    alerts.put("revisions", result.revisions());
    counts(alerts.putObject("byRule"), result, Alert::getRuleId);
    counts(alerts.putObject("bySeverity"), result, a -> a.getSeverity().name());
    return root;
  }

  private static void counts(ObjectNode node, BacktestResult result, Function<Alert, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    result.alerts().forEach(a -> counts.merge(key.apply(a), 1L, Long::sum));
    counts.forEach(node::put);
  }
}
