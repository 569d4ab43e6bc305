package io.stormwatch.formats.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditTimestampsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "01/09/2007 09:41:00",
        "1/9/2007 09:41:00",
        "01/09/2007 09:41:00 AM",
        "1/9/2007 9:41:00 AM",
        "1/9/2007 10:41:00 AM +01:00",
        "2007-01-09T09:41:00",
        "2007-01-09T09:41:00Z",
        "2007-01-09T09:41:00+00:00",
        "2007-01-09T11:41:00+02:00",
        "2007-01-09T04:41:00-05:00",
        "2007-01-09T04:41:00-0500",
        "2007-01-09T10:41:00+01",
        "2007-01-09 09:41:00",
        "2007-01-09T09:41"
      })
  void readsEveryMicrosoftSpellingOfOneInstant(String text) {
    assertThat(AuditTimestamps.parse(text)).contains(Instant.parse("2007-01-09T09:41:00Z"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2007-01-09T09:41:00.22Z, 2007-01-09T09:41:00.220Z",
    "2007-01-09T09:41:00.6816663Z, 2007-01-09T09:41:00.6816663Z",
    "2007-01-09T09:41:00.535404056Z, 2007-01-09T09:41:00.535404056Z",
    "2007-01-09T09:41:00.5354040561234Z, 2007-01-09T09:41:00.535404056Z",
    "2007-01-09T09:41:00.992099+00:00, 2007-01-09T09:41:00.992099Z",
    "2019-10-18T04:45:48.0729893-05:00, 2019-10-18T09:45:48.0729893Z",
    "2025-09-29T23:59:59.00Z, 2025-09-29T23:59:59Z"
  })
  void keepsFractionsOfAnyLength(String text, String expected) {
    assertThat(AuditTimestamps.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "9/20/2023 4:05:03 AM, 2023-09-20T04:05:03Z",
    "12/12/2025 3:03:58 PM, 2025-12-12T15:03:58Z",
    "11/14/2025 1:48:53 AM, 2025-11-14T01:48:53Z",
    "9/30/2024 12:16:41 AM, 2024-09-30T00:16:41Z",
    "9/30/2024 12:16:41 PM, 2024-09-30T12:16:41Z",
    "9/30/2024 6:16:41 pm, 2024-09-30T18:16:41Z"
  })
  void readsUsLocaleTwelveHourTimes(String text, String expected) {
    assertThat(AuditTimestamps.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2020-13-45",
        "2020-02-30T00:00:00",
        "2023-02-29T00:00:00",
        "2020-02-17T24:00:00",
        "2020-02-17T17:12:60",
        "2020-02-17T17:12:03.",
        "2020-02-17T17:12:03+19:00",
        "2020-02-17T17:12:03 junk",
        "2020-02-17",
        "13/01/2007 10:00:00",
        "1/9/2007 13:41:00 PM",
        "1/9/2007 0:41:00 AM",
        "1/9/07 9:41:00 AM",
        "yesterday at noon",
        "1700000000"
      })
  void refusesWhatIsNotATime(String text) {
    assertThat(AuditTimestamps.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void refusesNothing(String text) {
    assertThat(AuditTimestamps.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-29T12:00:00", "2000-02-29T12:00:00"})
  void acceptsLeapDays(String text) {
    assertThat(AuditTimestamps.parse(text)).isPresent();
  }
}
