package io.stormwatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

class GcPausesTest {

  @Test
  void countsACollectionThatStoppedTheJvm() {
    try (GcPauses pauses = GcPauses.start()) {
      System.gc(); // a stop-the-world full collection

      // The collector notifies from a thread of its own, after the collection.
      await().until(() -> pauses.figures().pauses() > 0);
      GcPauses.Figures figures = pauses.figures();
      assertThat(figures.longestMs()).isBetween(0L, figures.totalMs());
    }
  }

  @Test
  void stopsCountingWhenClosed() {
    GcPauses closed = GcPauses.start();
    closed.close();

    try (GcPauses open = GcPauses.start()) {
      System.gc();

      // One thread delivers every notification in order: once the open counter has the
      // collection, the closed one would have had it too.
      await().until(() -> open.figures().pauses() > 0);
      assertThat(closed.figures().pauses()).isZero();
    }
  }
}
