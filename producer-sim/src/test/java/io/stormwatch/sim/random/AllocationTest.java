package io.stormwatch.sim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AllocationTest {

  @Test
  void partsAddUpToTheTotalAndStayWithinBounds() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int total = 1; total < 3_000; total += 37) {
      int parts = Allocation.partsFor(total, 5.5, 1, 10);
      Allocation allocation = new Allocation(rng, total, parts, 1, 10);
      int sum = 0;
      while (allocation.hasNext()) {
        int part = allocation.next();
        assertThat(part).isBetween(1, 10);
        sum += part;
      }
      assertThat(sum).isEqualTo(total);
    }
  }

  @Test
  void bulkPartsAverageNearTheMean() {
    Allocation allocation =
        new Allocation(
            new SplittableRandom(2), 4_000, Allocation.partsFor(4_000, 40, 20, 60), 20, 60);
    int parts = 0;
    while (allocation.hasNext()) {
      allocation.next();
      parts++;
    }
    assertThat(parts).isEqualTo(100);
  }

  @Test
  void refusesATotalThatCannotBeSplitWithinBounds() {
    assertThatThrownBy(() -> new Allocation(new SplittableRandom(1), 100, 5, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot split 100 into 5 parts of 1..10");
  }
}
