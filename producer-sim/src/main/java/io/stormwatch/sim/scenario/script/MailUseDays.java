package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.world.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days (UTC) on which a user's history shows a day of mail use: sign-ins in at least {@link
 * #ACTIVE_HOURS} clock hours, as a mail client open through the working day leaves them.
 */
final class MailUseDays {

  /** Clock hours with a sign-in that make a day of mail use (the detector's default). */
  static final int ACTIVE_HOURS = 4;

  private MailUseDays() {}

  /** The latest day of mail use in {@code history} before {@code before}. */
  static LocalDate latestBefore(User user, List<SimEvent> history, LocalDate before) {
    Map<LocalDate, BitSet> hours = new TreeMap<>();
    for (SimEvent event : history) {
      if (event instanceof SignIn signIn
          && signIn.user() != null
          && signIn.user().upn().equals(user.upn())) {
        var time = event.time().atOffset(ZoneOffset.UTC);
        hours.computeIfAbsent(time.toLocalDate(), d -> new BitSet(24)).set(time.getHour());
      }
    }
    return hours.entrySet().stream()
        .filter(e -> e.getKey().isBefore(before) && e.getValue().cardinality() >= ACTIVE_HOURS)
        .map(Map.Entry::getKey)
        .reduce((earlier, later) -> later)
        .orElseThrow(() -> new IllegalStateException(user + " has no day of mail use in history"));
  }

  static Instant start(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
