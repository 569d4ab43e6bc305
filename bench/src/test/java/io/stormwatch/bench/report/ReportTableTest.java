package io.stormwatch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTableTest {

  @Test
  void putsTheMachineOnTop() {
    String table = ReportTable.format(SampleReports.report(80.0, 450, Map.of()));

    assertThat(table.lines().limit(4))
        .anySatisfy(line -> assertThat(line).contains("2 cores (AMD EPYC), 24.0 GiB RAM"))
        .anySatisfy(line -> assertThat(line).contains("heap 0.5 GiB at start, 2.0 GiB max"))
        .anySatisfy(line -> assertThat(line).contains("Kafka 4.3.1"));
  }

  @Test
  void showsEveryPhaseWithItsRateAndCost() {
    String table = ReportTable.format(SampleReports.report(80.0, 450, Map.of()));

    assertThat(table)
        .containsPattern("raw read +500,000 +4\\.0 +3\\.0 +1\\.2 +0\\.00 +- +plain consumer")
        .containsPattern("floor +50,000 +40\\.0 +35\\.0 +25\\.0 +2\\.05 +1\\.5 s +windowed count")
        .containsPattern(
            "stormwatch +25,000 +80\\.0 +75\\.0 +55\\.0 +5\\.50 +2\\.5 s +full pipeline");
  }

  @Test
  void saysWhereEachStreamsPhaseAppendedTheLargestFirst() {
    String table = ReportTable.format(SampleReports.report(80.0, 450, Map.of()));

    assertThat(table)
        .contains("floor appends/rec by topic: floor-count-changelog 1.05, floor-repartition 1.00")
        .contains(
            "stormwatch appends/rec by topic: account-state-changelog 4.50, audit.events 1.00")
        .contains("alerts-only appends/rec by topic: account-state-changelog 4.50");
  }

  @Test
  void putsTheAlertsOnlyPipelineBesideTheDefault() {
    String table = ReportTable.format(SampleReports.report(80.0, 450, Map.of()));

    assertThat(table)
        .containsPattern("alerts-only +40,000 +50\\.0 +60\\.0 +45\\.0 +4\\.50 +2\\.5 s")
        .contains("alerts-only / floor  0.80x");
  }

  @Test
  void comparesThePipelineWithBothLimitsAndSaysWhetherTheTargetIsMet() {
    String slow = ReportTable.format(SampleReports.report(100.0, 450, Map.of()));
    String fast = ReportTable.format(SampleReports.report(80.0, 450, Map.of()));

    assertThat(slow).contains("stormwatch / floor   0.40x   target >= 0.5x: NOT MET");
    assertThat(slow).contains("stormwatch / raw     0.04x");
    assertThat(fast).contains("stormwatch / floor   0.50x   target >= 0.5x: met");
  }

  @Test
  void reportsLatencyPercentilesAgainstTheTarget() {
    String met = ReportTable.format(SampleReports.report(80.0, 450, Map.of()));
    String missed = ReportTable.format(SampleReports.report(80.0, 1_200, Map.of()));

    assertThat(met)
        .contains("fixed offered load of 12,500 records/s (50% of the stormwatch rate) for 60 s")
        .contains("1,234 alert revisions timed")
        .containsPattern(
            "to the alert's append \\(LogAppendTime\\), all rules +1,234 +120 ms +300 ms +450 ms"
                + " +900 ms")
        .contains("target p99 <= 1,000 ms: met")
        .contains("median 212, at most 3,512 (0.3 s of the load) 3.3 s into the phase")
        .contains("GC pauses during the phase: 42, 1,686 ms in total, the longest 262 ms");
    assertThat(missed).contains("target p99 <= 1,000 ms: NOT MET");
  }

  @Test
  void listsMemoryAtEachPointAndSaysWhatIsUnknown() {
    String table = ReportTable.format(SampleReports.report(80.0, 450, Map.of()));

    assertThat(table)
        .contains("memory (100,000 accounts)")
        .containsPattern("after the stormwatch phase +300 MiB +1,500 MiB +420 MiB")
        .containsPattern("end of run +280 MiB +n/a MiB +100 MiB");
  }

  @Test
  void namesSettingsThatDifferFromTheDefaults() {
    String plain = ReportTable.format(SampleReports.report(80.0, 450, Map.of()));
    String tuned =
        ReportTable.format(
            SampleReports.report(
                80.0, 450, Map.of("kafka.statestore.cache.max.bytes", "67108864")));

    assertThat(plain).doesNotContain("settings ");
    assertThat(tuned)
        .contains("settings  kafka.statestore.cache.max.bytes=67108864 (on top of the detector's");
  }

  @Test
  void writesDurationsAsPeopleReadThem() {
    assertThat(ReportTable.clock(545.4)).isEqualTo("9 min 05 s");
    assertThat(ReportTable.minutes(45)).isEqualTo("45 min");
    assertThat(ReportTable.minutes(138)).isEqualTo("2 h 18 min");
  }
}
