package io.stormwatch.cli.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stormwatch.cli.scoring.RuleScore;
import io.stormwatch.cli.scoring.ScenarioOutcome;
import io.stormwatch.cli.scoring.ScoreReport;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.scenario.ScenarioRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The evaluation as JSON, for CI dashboards and for comparing runs. */
public final class EvaluationDocument {

  private EvaluationDocument() {}

  /** The document as nested maps and lists, in a stable key order. */
  public static Map<String, Object> of(
      ScenarioRun run, ScenarioReplay.Outcome pipeline, ScoreReport report) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("set", run.settings().set().name());
    doc.put("seed", run.settings().seed());
    doc.put("day", run.settings().day().toString());
    doc.put("historyDays", run.settings().historyDays());
    doc.put("tenants", run.tenants());
    doc.put("usersPerTenant", run.usersPerTenant());
    doc.put("records", run.recordCount());
    Map<String, Object> pipe = new LinkedHashMap<>();
    pipe.put("published", pipeline.published());
    pipe.put("normalised", pipeline.normalised());
    pipe.put("deadLetters", pipeline.deadLetters());
    pipe.put("late", pipeline.late());
    pipe.put("publishingSeconds", seconds(pipeline.publishing()));
    pipe.put("drainingSeconds", seconds(pipeline.draining()));
    pipe.put("alertRevisions", pipeline.revisions().size());
    pipe.put("alerts", report.alerts());
    doc.put("pipeline", pipe);
    doc.put("rules", report.rules().stream().map(EvaluationDocument::rule).toList());
    doc.put("scenarios", report.scenarios().stream().map(EvaluationDocument::scenario).toList());
    doc.put(
        "alertsAboutNoScenario",
        report.unmatchedAlerts().stream().map(EvaluationDocument::alert).toList());
    return doc;
  }

  public static void write(Path file, Map<String, Object> document) throws IOException {
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), document);
  }

  private static Map<String, Object> rule(RuleScore rule) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule", rule.ruleId());
    out.put("truePositives", rule.truePositives());
    out.put("falsePositives", rule.falsePositives());
    out.put("falseNegatives", rule.falseNegatives());
    out.put("toleratedAlerts", rule.toleratedAlerts());
    out.put("precision", value(rule.precision()));
    out.put("recall", value(rule.recall()));
    out.put("medianTimeToDetectSeconds", rule.timeToDetect().map(d -> d.toSeconds()).orElse(null));
    return out;
  }

  private static Map<String, Object> scenario(ScenarioOutcome outcome) {
    ScenarioLabel label = outcome.scenario();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", label.id());
    out.put("type", label.type().id());
    out.put("kind", label.kind().name());
    out.put("tenantId", label.tenantId());
    out.put("tenant", label.tenantName());
    out.put("accounts", label.accounts());
    out.put("start", label.start().toString());
    out.put("end", label.end().toString());
    out.put("records", label.recordIds().size());
    out.put("requiredRules", List.copyOf(label.requiredRules()));
    out.put("allowedRules", List.copyOf(label.allowedRules()));
    out.put("fired", outcome.fired());
    out.put("missing", List.copyOf(outcome.missing()));
    out.put("unexpected", List.copyOf(outcome.unexpected()));
    Map<String, Long> ttd = new LinkedHashMap<>();
    outcome.timeToDetect().forEach((rule, d) -> ttd.put(rule, d.toSeconds()));
    out.put("timeToDetectSeconds", ttd);
    out.put("parameters", label.parameters());
    out.put("summary", label.summary());
    return out;
  }

  private static Map<String, Object> alert(Alert alert) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("alertId", alert.getAlertId());
    out.put("rule", alert.getRuleId());
    out.put("tenantId", alert.getTenantId());
    out.put("accountId", alert.getAccountId());
    out.put("firstEventTime", alert.getFirstEventTime().toString());
    out.put("lastEventTime", alert.getLastEventTime().toString());
    out.put("summary", alert.getSummary());
    return out;
  }

  private static Double value(OptionalDouble value) {
    return value.isPresent() ? Math.round(value.getAsDouble() * 10_000) / 10_000.0 : null;
  }

  private static double seconds(Duration d) {
    return Math.round(d.toMillis() / 10.0) / 100.0;
  }
}
