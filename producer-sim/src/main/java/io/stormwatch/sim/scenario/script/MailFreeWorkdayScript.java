package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stream.Silence;
import io.stormwatch.sim.world.User;
import java.time.LocalDate;

/**
 * A working day without reading mail (a day-long workshop, the laptop's Outlook open and refreshing
 * its token, nothing opened): no MailItemsAccessed record of the mailbox that day; the next working
 * day, the scenario day, the user reads mail as always. One such day is not a mailbox gone blind.
 */
final class MailFreeWorkdayScript implements ScenarioScript {

  private User user;

  @Override
  public ScenarioType type() {
    return ScenarioType.MAIL_FREE_WORKDAY;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    user = call.cast(Roles.laptopWorker("a user who reads no mail for a working day"));
  }

  @Override
  public Scene perform(Performance p) {
    p.workPeriod(user); // fails unless the user works, and so reads mail on the scenario day
    LocalDate day = MailUseDays.latestBefore(user, p.historyOf(user), p.stage().day());
    Scene scene =
        new Scene()
            .account(user.upn())
            // The scenario's records are the day's sign-ins, written here instead.
            .silence(
                new Silence(
                    user.upn(),
                    MailUseDays.start(day),
                    MailUseDays.start(day.plusDays(1)),
                    Silence.Scope.EVERYTHING));
    int signIns = 0;
    for (SimEvent event : p.historyOf(user)) {
      if (event instanceof SignIn
          && !event.time().isBefore(MailUseDays.start(day))
          && event.time().isBefore(MailUseDays.start(day.plusDays(1)))) {
        scene.add(event);
        signIns++;
      }
    }
    return scene
        .parameter("mailFreeDay", day)
        .parameter("signIns", signIns)
        .summary(
            String.format(
                "%s's mail client signs in through %s (%d sign-ins) and nothing is read; the"
                    + " next working day the user reads mail as always",
                user.upn(), day, signIns));
  }
}
