package io.stormwatch.detector.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TenantKeysTest {

  private static final long[] TIMES = {
    Long.MIN_VALUE / 2,
    -86_400_000L,
    -1L,
    0L,
    1L,
    1_690_000_000_000L,
    1_690_000_000_001L,
    4_102_444_800_000L,
    Long.MAX_VALUE / 2
  };

  @Test
  void paddedTimesSortLikeTheTimesAndReadBack() {
    List<String> padded = new ArrayList<>();
    for (long time : TIMES) {
      String text = TenantKeys.paddedTime(time);
      assertThat(text).hasSize(20);
      assertThat(TenantKeys.timeOf(text)).isEqualTo(time);
      padded.add(text);
    }
    assertThat(padded).isSorted();
  }

  @Test
  void keepsTheFormatOfKeysAlreadyInState() {
    for (long time : TIMES) {
      assertThat(TenantKeys.paddedTime(time))
          .isEqualTo(String.format(Locale.ROOT, "%020d", time - Long.MIN_VALUE / 2));
    }
  }
}
