package io.stormwatch.detector.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WeekHourActivityTest {

  @Test
  void aCellIsTheWeekdayFromMondayTimes24PlusTheHourInUtc() {
    assertThat(cellAt("2026-03-02T00:00:00Z")).as("Monday 00:00").isZero();
    assertThat(cellAt("2026-03-02T09:59:59Z")).as("Monday 09:59").isEqualTo(9);
    assertThat(cellAt("2026-03-04T02:10:00Z")).as("Wednesday 02:10").isEqualTo(2 * 24 + 2);
    assertThat(cellAt("2026-03-08T23:30:00Z")).as("Sunday 23:30").isEqualTo(167);
    assertThat(cellAt("1969-12-29T05:00:00Z")).as("a Monday before the epoch").isEqualTo(5);
  }

  @Test
  void aCellStopsCountingAt255() {
    WeekHourActivity activity = new WeekHourActivity();
    long mondayNine =
        WeekHourActivity.epochHour(Instant.parse("2026-03-02T09:00:00Z").toEpochMilli());
    for (int week = 0; week < 300; week++) {
      activity.countHour(mondayNine + 168L * week);
    }

    assertThat(activity.cells().get(9)).isEqualTo(255);
    assertThat(roundTrip(activity).cells()).isEqualTo(activity.cells());
  }

  @Test
  void theEncodingKeepsEveryCell() {
    WeekHourActivity activity = new WeekHourActivity();
    for (long hour = 0; hour < 500; hour += 3) {
      activity.countHour(hour);
    }

    assertThat(roundTrip(activity).cells()).isEqualTo(activity.cells());
  }

  private static int cellAt(String time) {
    return WeekHourActivity.cellOf(WeekHourActivity.epochHour(Instant.parse(time).toEpochMilli()));
  }

  private static WeekHourActivity roundTrip(WeekHourActivity activity) {
    BinaryStateWriter out = new BinaryStateWriter();
    activity.write(out);
    return WeekHourActivity.read(new BinaryStateReader(out.toByteArray()));
  }
}
