package io.stormwatch.cli.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.catalogue.RuleCatalogue;
import io.stormwatch.detector.ocsf.DetectionFindingMapper;
import io.stormwatch.detector.ocsf.OcsfJson;
import io.stormwatch.detector.rules.tokenreplay.TokenReplay;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertViewTest {

  private static final Alert ALERT =
      Alerts.revision(
          TokenReplay.DESCRIPTOR,
          "3f9a0c1d2e3f40516273849506a7b8c9",
          2,
          Severity.CRITICAL,
          0.9,
          "7d0c5c1a-0000-4000-8000-00000000c0de",
          "alice@contoso.com",
          Instant.parse("2026-03-02T09:01:00Z"),
          Instant.parse("2026-03-02T09:10:00Z"),
          "alice@contoso.com: one token used from NL and US 9 min apart",
          Evidence.newBuilder().setIps(List.of("188.166.1.20", "73.22.10.5")).build());

  @Test
  void showsARevisionOnOneLine() {
    assertThat(AlertView.of(ALERT).line())
        .isEqualTo(
            "2026-03-02 09:10Z  CRITICAL token-replay  alice@contoso.com: one token used from NL"
                + " and US 9 min apart  [3f9a0c1d rev 2]");
  }

  @Test
  void showsTheOcsfFindingOfAnAlertAsTheAlertItself() {
    byte[] finding =
        OcsfJson.write(
            new DetectionFindingMapper(RuleCatalogue.descriptors(), Optional.empty()).map(ALERT));

    AlertView fromOcsf = AlertView.ofOcsf(finding);

    assertThat(fromOcsf).isEqualTo(AlertView.of(ALERT));
    assertThat(fromOcsf.severityId()).isEqualTo(5);
  }

  @Test
  void refusesWhatIsNotAFinding() {
    assertThatThrownBy(() -> AlertView.ofOcsf("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> AlertView.ofOcsf("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finding_info.uid");
  }
}
