package io.stormwatch.bench.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class SimulationSizingTest {

  private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T08:00:00Z");

  @Test
  void theSizedSimulationHoldsTheWantedRecords() {
    SimulationSettings settings = SimulationSizing.settingsFor(2, 10, 500, 42, TUESDAY_MORNING);

    assertThat(recordsOf(settings)).isGreaterThanOrEqualTo(500);
    assertThat(settings.tenants()).isEqualTo(2);
    assertThat(settings.usersPerTenant()).isEqualTo(10);
    assertThat(settings.start()).isEqualTo(TUESDAY_MORNING);
  }

  @Test
  void aPeriodThatWouldEndInTheFutureStartsWholeWeeksEarlier() {
    Instant anHourIn = TUESDAY_MORNING.plus(Duration.ofHours(1));

    SimulationSettings settings =
        SimulationSizing.settingsEndingBy(1, 10, 2_000, 42, TUESDAY_MORNING, anHourIn);

    assertThat(settings.end()).isBeforeOrEqualTo(anHourIn);
    assertThat(Duration.between(settings.start(), TUESDAY_MORNING).toDays())
        .isPositive()
        .matches(days -> days % 7 == 0, "a whole number of weeks");
    assertThat(recordsOf(settings)).isGreaterThanOrEqualTo(2_000);
  }

  @Test
  void aPeriodEndingInThePastKeepsItsStart() {
    SimulationSettings settings =
        SimulationSizing.settingsEndingBy(
            2, 10, 500, 42, TUESDAY_MORNING, TUESDAY_MORNING.plus(Duration.ofDays(30)));

    assertThat(settings.start()).isEqualTo(TUESDAY_MORNING);
  }

  @Test
  void theFirstGuessStaysWithinTheSimulatorsLimits() {
    assertThat(SimulationSizing.firstGuess(10, 1_000_000)).isEqualTo(SimulationSizing.MIN_DURATION);
    assertThat(SimulationSizing.firstGuess(Long.MAX_VALUE / 2, 1))
        .isEqualTo(SimulationSizing.MAX_DURATION);
    assertThat(SimulationSizing.firstGuess(1_200_000, 100_000)).isEqualTo(Duration.ofMinutes(135));
  }

  @Test
  void endsOnTheWholeMinuteAfterTheLastRecordWithAMinuteToSpare() {
    assertThat(
            SimulationSizing.justAfter(
                TUESDAY_MORNING, TUESDAY_MORNING.plus(Duration.ofSeconds(10 * 60 + 30))))
        .isEqualTo(Duration.ofMinutes(12));
  }

  @Test
  void saysWhenTheAccountsCannotProduceThatMuch() {
    assertThatThrownBy(() -> SimulationSizing.settingsFor(1, 1, 10_000_000, 42, TUESDAY_MORNING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 accounts do not produce 10,000,000 records");
  }

  private static long recordsOf(SimulationSettings settings) {
    long records = 0;
    for (Iterator<?> it = new TenantSimulator(settings).events(); it.hasNext(); it.next()) {
      records++;
    }
    return records;
  }
}
