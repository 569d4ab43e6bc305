package io.stormwatch.sim.msformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MicrosoftTimestampsTest {

  private final Instant instant = Instant.parse("2022-03-17T09:44:46.309742912Z");

  @Test
  void auditTimesHaveSecondsAndNoZone() {
    assertThat(MicrosoftTimestamps.auditTime(instant)).isEqualTo("2022-03-17T09:44:46");
    assertThat(MicrosoftTimestamps.auditTime(Instant.parse("0999-01-02T03:04:05Z")))
        .isEqualTo("0999-01-02T03:04:05");
  }

  @Test
  void signInTimesHaveHundredNanosecondTicks() {
    assertThat(MicrosoftTimestamps.signInTime(instant)).isEqualTo("2022-03-17T09:44:46.3097429Z");
    assertThat(MicrosoftTimestamps.signInCreatedDateTime(instant))
        .isEqualTo("2022-03-17T09:44:46.3097429+00:00");
    assertThat(MicrosoftTimestamps.signInTime(Instant.parse("2022-03-17T09:44:46Z")))
        .isEqualTo("2022-03-17T09:44:46.0000000Z");
  }

  @Test
  void signInTimesParseBackToTheSameTick() {
    assertThat(Instant.parse(MicrosoftTimestamps.signInTime(instant)))
        .isEqualTo(Instant.parse("2022-03-17T09:44:46.3097429Z"));
  }
}
