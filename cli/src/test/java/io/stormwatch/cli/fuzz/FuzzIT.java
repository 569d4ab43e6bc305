package io.stormwatch.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.fuzz.FuzzResult.ClassTally;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.sim.hostile.HostileClass;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hostile input through the real pipeline on the embedded broker: no crash, and every record
 * normalised, dead-lettered with the reason its class calls for, or dropped as a duplicate. Runs
 * 4,000 records (about a minute on a loaded two-core machine); {@code stormwatch fuzz} runs
 * 100,000, and the README gives its figures.
 */
class FuzzIT {

  @Test
  void accountsForEveryHostileRecordWithoutACrash() throws Exception {
    // A small array limit, so that the content blob holding more records than allowed comes too.
    FuzzResult result =
        new Fuzz(
                Map.of("normaliser.max.array.elements", "200"),
                new FuzzSettings(42, 4_000, 256L << 20, Duration.ofMinutes(10)))
            .run(IpIntelligence.loadBundled(), FuzzListener.NONE);

    assertThat(result.failure()).isNull();
    assertThat(result.crashes()).isZero();
    assertThat(result.streamsDeadLetters()).isZero();
    assertThat(result.unattributedEvents()).isZero();
    assertThat(result.unattributedDeadLetters()).isZero();
    assertThat(result.read())
        .isEqualTo(result.normalised() + result.deadLettered() + result.duplicates());
    assertThat(result.classes())
        .allSatisfy(c -> assertThat(c.accountedFor()).as(c.toString()).isTrue());
    Map<HostileClass, ClassTally> byClass =
        result.classes().stream()
            .collect(Collectors.toMap(ClassTally::hostileClass, Function.identity()));
    assertThat(byClass).containsOnlyKeys(HostileClass.values());

    assertThat(byClass.get(HostileClass.VALID).normalised())
        .isEqualTo(byClass.get(HostileClass.VALID).records());
    assertThat(byClass.get(HostileClass.IPV6_ODDITIES).deadLettered()).isZero();
    ClassTally duplicates = byClass.get(HostileClass.DUPLICATE);
    assertThat(duplicates.duplicates()).isEqualTo(duplicates.records()).isPositive();
    assertOnly(byClass, HostileClass.YEAR_1970, "before-earliest-time");
    ClassTally year2999 = byClass.get(HostileClass.YEAR_2999);
    assertThat(year2999.deadLettersByType()).containsOnlyKeys("future-time");
    assertThat(year2999.normalised()).as("valid records stamped 2999").isPositive();
    assertOnly(byClass, HostileClass.DEEP_NESTING, "too-deep");
    assertOnly(byClass, HostileClass.TRUNCATED_JSON, "not-json");
    assertOnly(byClass, HostileClass.HUGE_VALUE, "too-large");
    assertThat(byClass.get(HostileClass.HUGE_ARRAY_BLOB).deadLettersByType())
        .containsOnlyKeys("array-too-long");
    assertThat(byClass.get(HostileClass.HUGE_ARRAY_BLOB).records())
        .as("the blob beyond the record limit came")
        .isGreaterThan(200);
    assertThat(byClass.get(HostileClass.LONG_LINE).deadLettersByType())
        .containsExactly(Map.entry("message-too-large", 1L));
    assertThat(byClass.get(HostileClass.GZIP_BOMB).deadLettersByType())
        .containsExactly(Map.entry("decompression-bomb", 1L));
  }

  private static void assertOnly(
      Map<HostileClass, ClassTally> byClass, HostileClass hostileClass, String errorType) {
    ClassTally tally = byClass.get(hostileClass);
    assertThat(tally.deadLettered()).as(hostileClass.code()).isEqualTo(tally.records());
    assertThat(tally.deadLettersByType()).as(hostileClass.code()).containsOnlyKeys(errorType);
  }
}
