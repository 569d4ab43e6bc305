package io.stormwatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.random.Id128;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AppendTimeIndexTest {

  @Test
  void findsTheAppendTimeOfARecordByItsGuidText() {
    Id128 id = Id128.randomGuid(new SplittableRandom(7));
    AppendTimeIndex index = new AppendTimeIndex(10);

    index.put(id.hi(), id.lo(), 1_700_000_000_123L);

    assertThat(index.get(id.asGuid())).isEqualTo(1_700_000_000_123L);
    assertThat(index.get(id.asGuid().toUpperCase())).isEqualTo(1_700_000_000_123L);
  }

  @Test
  void keepsTheFirstAppendOfADuplicateId() {
    AppendTimeIndex index = new AppendTimeIndex(10);

    index.put(1, 2, 100);
    index.put(1, 2, 200);

    assertThat(index.get(1, 2)).isEqualTo(100);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void growsBeyondTheExpectedNumberOfRecords() {
    SplittableRandom random = new SplittableRandom(42);
    Id128[] ids = new Id128[10_000];
    AppendTimeIndex index = new AppendTimeIndex(100);
    for (int i = 0; i < ids.length; i++) {
      ids[i] = Id128.randomGuid(random);
      index.put(ids[i].hi(), ids[i].lo(), i);
    }

    assertThat(index.size()).isEqualTo(ids.length);
    for (int i = 0; i < ids.length; i++) {
      assertThat(index.get(ids[i].hi(), ids[i].lo())).isEqualTo(i);
    }
  }

  @Test
  void anUnknownOrMalformedIdIsAbsent() {
    AppendTimeIndex index = new AppendTimeIndex(10);
    index.put(1, 2, 100);

    assertThat(index.get(3, 4)).isEqualTo(AppendTimeIndex.ABSENT);
    assertThat(index.get("not-a-guid")).isEqualTo(AppendTimeIndex.ABSENT);
    assertThat(index.get((String) null)).isEqualTo(AppendTimeIndex.ABSENT);
    assertThat(AppendTimeIndex.parseGuid("0000000g-0000-0000-0000-000000000000")).isNull();
    assertThat(AppendTimeIndex.parseGuid("00000000x0000-0000-0000-000000000000")).isNull();
  }
}
