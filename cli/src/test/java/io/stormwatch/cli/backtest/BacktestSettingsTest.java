package io.stormwatch.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.config.StormwatchConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestSettingsTest {

  @Test
  void keepsHistoryWhateverTheProductionFileSaysButLetsAnOverrideDecide() {
    Map<String, String> productionFile =
        Map.of(
            StormwatchConfig.TOPIC_RETENTION, "180d",
            StormwatchConfig.APPLICATION_ID, "stormwatch-prod",
            StormwatchConfig.MAIL_BURST_FLOOR, "800");

    Map<String, String> fromFileOnly = Backtest.settings(productionFile, Map.of());
    Map<String, String> overridden =
        Backtest.settings(productionFile, Map.of(StormwatchConfig.TOPIC_RETENTION, "3650d"));

    assertThat(fromFileOnly)
        .containsEntry(StormwatchConfig.TOPIC_RETENTION, Backtest.RETENTION)
        .containsEntry(StormwatchConfig.APPLICATION_ID, Backtest.APPLICATION_ID)
        .containsEntry(StormwatchConfig.MAIL_BURST_FLOOR, "800");
    assertThat(overridden).containsEntry(StormwatchConfig.TOPIC_RETENTION, "3650d");
  }
}
