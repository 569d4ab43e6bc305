package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.SimEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most items one mailbox's records account for within any sliding hour: binds count their
 * items, syncs their folders, as the mail-burst rule counts them. Scenarios report it, so the
 * numbers a rule must tolerate (or catch) are in the label.
 */
final class ItemsPerHour {

  private record Counted(Instant at, int items) {}

  private final List<Counted> counted = new ArrayList<>();

  void add(SimEvent event) {
    if (event instanceof MailboxAccess mail) {
      counted.add(new Counted(mail.time(), mail.operationCount()));
    }
  }

  /** The largest sum over any window {@code [t, t + 1h)} starting at a record. */
  int max() {
    counted.sort(Comparator.comparing(Counted::at));
    int best = 0;
    int sum = 0;
    int tail = 0;
    for (Counted head : counted) {
      sum += head.items();
      while (!counted.get(tail).at().isAfter(head.at().minusSeconds(3600))) {
        sum -= counted.get(tail).items();
        tail++;
      }
      best = Math.max(best, sum);
    }
    return best;
  }
}
