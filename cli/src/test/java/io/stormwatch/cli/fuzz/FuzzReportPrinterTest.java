package io.stormwatch.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.hostile.HostileClass;
import io.stormwatch.traffic.replay.ReplayReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class FuzzReportPrinterTest {

  @Test
  void printsTheAccountingInTotalAndPerClass() {
    String printed =
        print(
            result(
                KafkaStreams.State.RUNNING,
                new FuzzResult.ClassTally(HostileClass.VALID, 10, 10, 10, 0, 0, Map.of()),
                new FuzzResult.ClassTally(HostileClass.DUPLICATE, 2, 2, 0, 0, 2, Map.of()),
                new FuzzResult.ClassTally(
                    HostileClass.YEAR_2999, 3, 3, 0, 3, 0, Map.of("future-time", 3L))));

    assertThat(printed)
        .contains(
            "accounted for            yes: read 15 = 10 normalised + 3 dead-lettered + 2"
                + " duplicates, in every class")
        .contains("crashes                  0  (stream-thread failures; detector RUNNING")
        .containsPattern("year-2999\\s+3\\s+3\\s+0\\s+3\\s+0  future-time 3");
  }

  @Test
  void saysWhenARecordIsMissingOrTheDetectorStopped() {
    FuzzResult result =
        result(
            KafkaStreams.State.ERROR,
            new FuzzResult.ClassTally(
                HostileClass.TRUNCATED_JSON, 4, 4, 0, 3, 0, Map.of("not-json", 3L)));

    String printed = print(result);

    assertThat(result.passed()).isFalse();
    assertThat(printed)
        .contains("accounted for            NO: read 4 = 0 normalised + 3 dead-lettered")
        .contains("NOT in every class")
        .contains("crashes                  1")
        .contains("NOT ACCOUNTED FOR");
  }

  private static FuzzResult result(KafkaStreams.State state, FuzzResult.ClassTally... classes) {
    ReplayReport noReplay =
        new ReplayReport(
            List.of(),
            Map.of(),
            Map.of(),
            0,
            Map.of(),
            List.of(),
            0,
            null,
            null,
            0,
            Duration.ZERO,
            Duration.ZERO);
    return new FuzzResult(
        List.of(classes),
        0,
        0,
        0,
        0,
        Map.of("orphan-token", 2L),
        state,
        null,
        noReplay,
        100L << 20,
        2048L << 20,
        Duration.ofSeconds(3),
        Duration.ofSeconds(4));
  }

  private static String print(FuzzResult result) {
    StringWriter out = new StringWriter();
    new FuzzReportPrinter(new PrintWriter(out)).print(result);
    return out.toString();
  }
}
