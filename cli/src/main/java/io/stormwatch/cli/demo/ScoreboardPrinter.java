package io.stormwatch.cli.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a {@link DemoSummary} as a readable table. */
final class ScoreboardPrinter {

  private final PrintStream out;

  ScoreboardPrinter(PrintStream out) {
    this.out = out;
  }

  void print(DemoSummary s) {
    out.println();
    out.println("Scoreboard");
    row(
        "raw records published",
        "%,d  (UAL %,d, sign-ins %,d)",
        s.rawRecords(),
        s.ualRecords(),
        s.signInRecords());
    row("normalised events", "%,d", s.normalisedEvents());
    row("dead-lettered", "%,d", s.deadLetters());
    row("late", "%,d", s.lateEvents());
    row(
        "processing time",
        "%.1f s  =  %,.0f events/s (first record published to last alert read)",
        s.processingSeconds(),
        s.eventsPerSecond());
    row(
        "alerts",
        "%d incidents, %d revisions  (%s)",
        s.alerts(),
        s.alertRevisions(),
        s.alertsByRule().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    out.println();
    out.printf(
        Locale.ROOT,
        "  %-34s %-9s %-38s %s%n",
        "injected attack",
        "result",
        "account",
        "detected by");
    for (DemoSummary.AttackLine attack : s.attacks()) {
      out.printf(
          Locale.ROOT,
          "  %-34s %-9s %-38s %s%n",
          attack.attackId(),
          attack.detected() ? "DETECTED" : "MISSED",
          attack.accountId(),
          attack.detected()
              ? String.join(", ", attack.rules())
                  + " ("
                  + attack.alertIds().stream()
                      .map(id -> id.substring(0, 8))
                      .collect(Collectors.joining(", "))
                  + ")"
              : "-");
    }
    for (DemoSummary.UnmatchedAlert alert : s.unmatchedAlerts()) {
      out.printf(
          Locale.ROOT,
          "  unmatched alert %s %s %s: %s%n",
          alert.alertId().substring(0, 8),
          alert.ruleId(),
          alert.accountId(),
          alert.summary());
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "  Detected %d of %d injected attacks, missed %d; %d alerts match no injected attack.%n%n",
        s.detected(),
        s.injectedAttacks(),
        s.missed(),
        s.unmatchedAlerts().size());
  }

  private void row(String label, String format, Object... args) {
    out.printf(Locale.ROOT, "  %-24s %s%n", label, String.format(Locale.ROOT, format, args));
  }
}
