package io.stormwatch.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.stream.Arrival;
import io.stormwatch.sim.scenario.stream.ArrivalOrder;
import io.stormwatch.sim.world.Country;
import io.stormwatch.sim.world.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ArrivalOrderTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
  private static final Tenant TENANT =
      new Tenant(0, "contoso", "t", "contoso.com", Country.US, Country.US.zone(), "S-1-5-21-1", 1);

  @Test
  void keepsEventOrderWhenNothingLags() {
    List<SimEvent> events = List.of(at(0, 1), at(0, 2), at(60, 3));
    assertThat(ids(arrivals(events, e -> Duration.ZERO))).containsExactly(1L, 2L, 3L);
  }

  @Test
  void holdsALaggingRecordBackUntilEverythingBeforeItsArrivalHasPassed() {
    List<SimEvent> events = List.of(at(0, 1), at(600, 2), at(3599, 3), at(3600, 4), at(3700, 5));
    Function<SimEvent, Duration> lagFirst =
        e -> e.recordId().equals(at(0, 1).recordId()) ? Duration.ofHours(1) : Duration.ZERO;

    List<Arrival> arrivals = arrivals(events, lagFirst);

    assertThat(ids(arrivals)).containsExactly(2L, 3L, 1L, 4L, 5L);
    assertThat(arrivals.get(2).arrivalTime()).isEqualTo(T0.plusSeconds(3600));
  }

  private static List<Arrival> arrivals(List<SimEvent> events, Function<SimEvent, Duration> lag) {
    List<Arrival> out = new ArrayList<>();
    new ArrivalOrder(events.iterator(), lag).forEachRemaining(out::add);
    return out;
  }

  private static List<Long> ids(List<Arrival> arrivals) {
    return arrivals.stream().map(a -> ((MailboxAccess) a.event()).id().lo()).toList();
  }

  private static MailboxAccess at(long seconds, long id) {
    MailboxIdentity mailbox = new MailboxIdentity("a@contoso.com", "S", "g", "SRV", "namprd10", 1);
    return MailboxAccess.at(T0.plusSeconds(seconds), new Id128(0, id), TENANT)
        .by(new Accessor("a@contoso.com", "k", "S", "o", 0))
        .of(mailbox)
        .client("app", "Client=OWA")
        .from("1.2.3.4")
        .token(null, new Id128(1, 1), T0)
        .build();
  }
}
