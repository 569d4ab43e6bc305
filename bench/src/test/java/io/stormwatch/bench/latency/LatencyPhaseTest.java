package io.stormwatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.random.Id128;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyPhaseTest {

  private static final Id128 SIGN_IN = new Id128(0x1111_2222_3333_4444L, 0x8555_6666_7777_8888L);
  private static final Id128 MAIL_READ = new Id128(0x1111_2222_3333_4444L, 0x8555_6666_7777_9999L);
  private static final GcPauses.Figures NO_PAUSES = new GcPauses.Figures(0, 0, 0);
  private static final BacklogSampler.Figures NO_BACKLOG = new BacklogSampler.Figures(0, 0, 0, 0);

  @Test
  void timesEachRevisionFromTheAppendOfItsCausingRecord() {
    AppendTimeIndex appended = new AppendTimeIndex(10);
    appended.put(SIGN_IN.hi(), SIGN_IN.lo(), 10_000);
    appended.put(MAIL_READ.hi(), MAIL_READ.lo(), 10_400);
    List<AlertWatcher.Observation> alerts =
        List.of(
            // the causing record is the latest sample id: the mail read, not the sign-in
            new AlertWatcher.Observation("a1", 1, "mail-burst", MAIL_READ.asGuid(), 10_650, 10_700),
            new AlertWatcher.Observation(
                "a2", 1, "token-replay", SIGN_IN.asGuid(), 10_100, 10_300));

    LatencyFigures figures = measure(alerts, 0, appended, new PacedLoad.Sent(10_000, 10.0));

    assertThat(figures.alertRevisions()).isEqualTo(2);
    assertThat(figures.unmatchedRevisions()).isZero();
    assertThat(figures.appendToAppend().maxMs()).isEqualTo(250);
    assertThat(figures.appendToAppend().p50Ms()).isEqualTo(100);
    assertThat(figures.appendToReadable().maxMs()).isEqualTo(300);
    assertThat(figures.sentPerSecond()).isEqualTo(1_000);
    assertThat(figures.byRule())
        .extracting(RuleLatency::ruleId)
        .containsExactly("mail-burst", "token-replay");
    assertThat(figures.byRule().get(0).appendToAppend().maxMs()).isEqualTo(250);
  }

  @Test
  void countsRevisionsWithoutAnAppendTimeAsLeftOut() {
    LatencyFigures figures =
        measure(List.of(), 3, new AppendTimeIndex(10), new PacedLoad.Sent(10, 1.0));

    assertThat(figures.unmatchedRevisions()).isEqualTo(3);
    assertThat(figures.alertRevisions()).isZero();
  }

  @Test
  void leavesOutRevisionsWhoseCauseWasNotSent() {
    AppendTimeIndex appended = new AppendTimeIndex(10);
    appended.put(SIGN_IN.hi(), SIGN_IN.lo(), 10_000);
    List<AlertWatcher.Observation> alerts =
        List.of(
            new AlertWatcher.Observation("a1", 1, "mail-burst", MAIL_READ.asGuid(), 10_650, 10_700),
            new AlertWatcher.Observation("a2", 2, "token-replay", null, 10_650, 10_700),
            new AlertWatcher.Observation(
                "a3", 1, "token-replay", SIGN_IN.asGuid(), 10_100, 10_300));

    LatencyFigures figures = measure(alerts, 0, appended, new PacedLoad.Sent(10_000, 10.0));

    assertThat(figures.alertRevisions()).isEqualTo(1);
    assertThat(figures.unmatchedRevisions()).isEqualTo(2);
    assertThat(figures.appendToAppend().count()).isEqualTo(1);
  }

  /** Measures at an offered 1,000 records/s, with no GC pause or backlog to report. */
  private static LatencyFigures measure(
      List<AlertWatcher.Observation> alerts,
      long unmeasurable,
      AppendTimeIndex appended,
      PacedLoad.Sent sent) {
    return LatencyPhase.measure(
        alerts, unmeasurable, appended, 1_000, sent, 0.2, NO_PAUSES, NO_BACKLOG);
  }
}
