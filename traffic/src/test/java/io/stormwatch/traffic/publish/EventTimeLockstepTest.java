package io.stormwatch.traffic.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimeLockstepTest {

  private static final Instant NINE = Instant.parse("2026-03-03T09:00:00Z");

  @Test
  void flushesBeforeTheFirstRecordOfEachNewStepOfEventTime() {
    List<String> calls = new ArrayList<>();
    EventTimeLockstep<Instant> lockstep =
        new EventTimeLockstep<>(
            t -> calls.add("send " + t), () -> calls.add("flush"), t -> t, Duration.ofMinutes(5));

    lockstep.accept(NINE);
    lockstep.accept(NINE.plusSeconds(299));
    lockstep.accept(NINE.plusSeconds(300));
    lockstep.accept(NINE.plusSeconds(3600));

    assertThat(calls)
        .containsExactly(
            "send " + NINE,
            "send " + NINE.plusSeconds(299),
            "flush",
            "send " + NINE.plusSeconds(300),
            "flush",
            "send " + NINE.plusSeconds(3600));
  }
}
