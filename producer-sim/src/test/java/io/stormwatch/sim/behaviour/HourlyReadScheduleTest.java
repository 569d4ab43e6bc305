package io.stormwatch.sim.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.world.ReadingBand;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HourlyReadScheduleTest {

  private static final long NINE_AM = 1_773_133_200L; // 2026-03-10T09:00:00Z

  @Test
  void fullHoursReadTheUsualRateWithinTheBandAndPartialHoursProRata() {
    HourlyReadSchedule reads =
        new HourlyReadSchedule(
            new SplittableRandom(9), NINE_AM + 1_800, NINE_AM + 4 * 3_600, ReadingBand.HEAVY, 380);
    TreeMap<Long, Integer> itemsByHour = new TreeMap<>();
    long previous = 0;
    while (reads.hasNext()) {
      long second = reads.peekSecond();
      assertThat(second).isGreaterThanOrEqualTo(previous);
      previous = second;
      int items = reads.next();
      assertThat(items).isBetween(1, 10);
      itemsByHour.merge(second / 3_600, items, Integer::sum);
    }

    assertThat(itemsByHour).hasSize(4);
    assertThat(itemsByHour.firstEntry().getValue()).isBetween(161, 200); // half an hour
    assertThat(itemsByHour.tailMap(NINE_AM / 3_600 + 1).values())
        .allSatisfy(n -> assertThat(n).isBetween(323, 400));
  }

  @Test
  void aReadingBandNeverLetsAnHourExceedItsMaximum() {
    for (int seed = 0; seed < 50; seed++) {
      HourlyReadSchedule reads =
          new HourlyReadSchedule(
              new SplittableRandom(seed), NINE_AM, NINE_AM + 8 * 3_600, ReadingBand.NORMAL, 120);
      TreeMap<Long, Integer> itemsByHour = new TreeMap<>();
      while (reads.hasNext()) {
        long hour = reads.peekSecond() / 3_600;
        itemsByHour.merge(hour, reads.next(), Integer::sum);
      }
      assertThat(itemsByHour.values()).allSatisfy(n -> assertThat(n).isBetween(102, 120));
    }
  }
}
