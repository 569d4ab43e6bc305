package io.stormwatch.cli.chaos;

import io.stormwatch.cli.backtest.AlertJsonLines;
import io.stormwatch.cli.backtest.BacktestResult;
import io.stormwatch.schemas.avro.Alert;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a chaos run for people: each step as it happens, then the figures and the verdict. */
public final class ChaosReport implements ChaosListener {

  private final PrintWriter out;
  private int faults;

  public ChaosReport(PrintWriter out) {
    this.out = out;
  }

  /** The header: what will be done. */
  public void plan(ChaosSettings settings) {
    ChaosPlan plan = settings.plan();
    faults = plan.faults().size();
    out.printf(
        Locale.ROOT,
        "Stormwatch chaos, fault seed %d: %d detector process(es) at first, %d started in all;"
            + " %d kill -9 + restart, %d broker restart, %d join, %d graceful stop, %d kill -9"
            + " without restart%n",
        plan.seed(),
        plan.initialInstances(),
        plan.instancesStarted(),
        plan.count(Fault.Kind.KILL_AND_RESTART),
        plan.count(Fault.Kind.BROKER_RESTART),
        plan.count(Fault.Kind.JOIN),
        plan.count(Fault.Kind.STOP),
        plan.count(Fault.Kind.KILL));
    out.printf(
        Locale.ROOT,
        "  group        %s membership, session timeout %s, exactly_once_v2; processes: java %s;"
            + " %s%n",
        settings.staticMembership() ? "static (group.instance.id per instance)" : "dynamic",
        text(settings.sessionTimeout()),
        String.join(" ", settings.instanceJavaOptions()),
        settings.pace().isZero()
            ? "full speed"
            : "each reads the recording in "
                + text(settings.pace())
                + " at most until the last fault");
    out.printf(Locale.ROOT, "  work dir     %s%n", settings.workDirectory());
    out.flush();
  }

  /** The recording and its uninterrupted backtest. */
  public void reference(ChaosReference reference) {
    BacktestResult backtest = reference.backtest();
    out.printf(
        Locale.ROOT,
        "  recording    %,d raw records with %d labelled attacks; tenant %s sends no sign-in logs"
            + " (a coverage gap)%n",
        reference.records(),
        reference.attacks(),
        reference.tenantWithoutSignIns());
    out.printf(
        Locale.ROOT,
        "  reference    backtested without interruption: %d alerts, %d revisions, %,d events (%s)%n",
        backtest.alerts().size(),
        backtest.revisions(),
        backtest.normalised(),
        text(reference.took()));
    out.flush();
  }

  @Override
  public void inputPublished(long records, String bootstrapServers) {
    out.printf(
        Locale.ROOT,
        "  input        %,d records on the broker at %s before the first detector starts%n",
        records,
        bootstrapServers);
    out.flush();
  }

  @Override
  public void faultApplied(FaultOutcome outcome) {
    Fault fault = outcome.fault();
    out.printf(
        Locale.ROOT,
        "  %2d/%-2d at %5.1f%% +%3d ms  %-18s %-46s %s%n",
        outcome.number(),
        faults,
        outcome.progress() * 100,
        fault.delay().toMillis(),
        fault.kind().label(),
        outcome.subject(),
        outcome
            .recovery()
            .map(d -> outcome.disturbed() + " after " + text(d))
            .orElse(outcome.disturbed()));
    out.flush();
  }

  @Override
  public void drained(Duration drain) {
    out.printf(
        Locale.ROOT,
        "  drained      every record committed %s after the last fault%n",
        text(drain));
    out.flush();
  }

  /** The figures and the verdict. */
  public void result(ChaosResult result) {
    AlertComparison alerts = result.alerts();
    out.println();
    out.println("result: a read_committed consumer of alerts, against the uninterrupted run");
    out.printf(
        Locale.ROOT,
        "  alerts       expected %d, got %d: lost %d, extra %d, latest revision differing %d%n",
        alerts.expected(),
        alerts.got(),
        alerts.lost().size(),
        alerts.extra().size(),
        alerts.differing().size());
    out.printf(
        Locale.ROOT,
        "  revisions    expected %d, got %d: duplicated %d, missing %d%n",
        alerts.revisionsExpected(),
        alerts.revisionsGot(),
        alerts.duplicatedRevisions(),
        alerts.missingRevisions());
    out.printf(
        Locale.ROOT,
        "  audit.events expected %,d, got %,d%n",
        result.eventsExpected(),
        result.eventsGot());
    for (Fault.Kind kind : Fault.Kind.values()) {
      List<Duration> times = result.recoveries(kind);
      if (!times.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "  recovery     %-18s n %2d  median %s  max %s%n",
            kind.label(),
            times.size(),
            text(median(times)),
            text(times.stream().max(Duration::compareTo).orElseThrow()));
      }
    }
    out.printf(Locale.ROOT, "  took         %s%n", text(result.took()));
    describe("lost", alerts.lost());
    describe("extra", alerts.extra());
    describe("differing", alerts.differing());
    for (AlertComparison.Difference difference :
        alerts.differences().subList(0, Math.min(3, alerts.differences().size()))) {
      out.println("    expected " + json(difference.expected()));
      out.println("    got      " + json(difference.got()));
    }
    out.println(
        result.passed()
            ? "PASS: exactly the alerts and events of the uninterrupted run"
            : "FAIL: the alerts or events differ from the uninterrupted run");
    out.flush();
  }

  /** Why a run could not finish. */
  public void failed(ChaosFailure failure) {
    out.println();
    out.println("FAIL: " + failure.getMessage());
    out.flush();
  }

  private void describe(String what, List<String> ids) {
    if (!ids.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "  %-12s %s%s%n",
          what,
          String.join(", ", ids.subList(0, Math.min(10, ids.size()))),
          ids.size() > 10 ? ", ..." : "");
    }
  }

  private static String json(Alert alert) {
    try {
      return new AlertJsonLines().line(alert);
    } catch (IOException e) {
      return alert.toString();
    }
  }

  private static Duration median(List<Duration> times) {
    List<Duration> sorted = new ArrayList<>(times);
    sorted.sort(Duration::compareTo);
    return sorted.get(sorted.size() / 2);
  }

  static String text(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
