package io.stormwatch.traffic.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeRangeTest {

  private static final Instant NINE = Instant.parse("2026-03-03T09:00:00Z");
  private static final Instant TEN = Instant.parse("2026-03-03T10:00:00Z");

  @Test
  void includesItsStartAndExcludesItsEnd() {
    EventTimeRange range = new EventTimeRange(NINE, TEN);

    assertThat(range.contains(NINE)).isTrue();
    assertThat(range.contains(TEN.minusMillis(1))).isTrue();
    assertThat(range.contains(TEN)).isFalse();
    assertThat(range.contains(NINE.minusMillis(1))).isFalse();
    assertThat(range.containsMillis(NINE.toEpochMilli())).isTrue();
    assertThat(range.containsMillis(TEN.toEpochMilli())).isFalse();
  }

  @Test
  void placesARecordWithoutEventTimeOnlyInTheUnboundedRange() {
    assertThat(EventTimeRange.ALL.contains(null)).isTrue();
    assertThat(new EventTimeRange(NINE, null).contains(null)).isFalse();
  }

  @Test
  void readsInstantsAndDates() {
    assertThat(EventTimeRange.parseInstant("2026-03-03T09:00:00Z")).isEqualTo(NINE);
    assertThat(EventTimeRange.parseInstant("2026-03-03"))
        .isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    assertThatThrownBy(() -> EventTimeRange.parseInstant("yesterday"))
        .hasMessageContaining("not a time");
  }

  @Test
  void refusesAnEmptyRange() {
    assertThatThrownBy(() -> new EventTimeRange(TEN, NINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--to");
  }
}
