package io.stormwatch.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.rules.mailburst.MailBurst;
import io.stormwatch.detector.rules.mailburst.MailBurstSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestSettingsTest {

  private static final String MAIL_BURST_FLOOR = MailBurst.ENTRY.key(MailBurstSettings.FLOOR_ITEMS);

  @Test
  void keepsHistoryWhateverTheProductionFileSaysButLetsAnOverrideDecide() {
    Map<String, String> productionFile =
        Map.of(
            StormwatchConfig.TOPIC_RETENTION,
            "180d",
            StormwatchConfig.APPLICATION_ID,
            "stormwatch-prod",
            MAIL_BURST_FLOOR,
            "800");

    Map<String, String> fromFileOnly = Backtest.settings(productionFile, Map.of());
    Map<String, String> overridden =
        Backtest.settings(productionFile, Map.of(StormwatchConfig.TOPIC_RETENTION, "3650d"));

    assertThat(fromFileOnly)
        .containsEntry(StormwatchConfig.TOPIC_RETENTION, Backtest.RETENTION)
        .containsEntry(StormwatchConfig.APPLICATION_ID, Backtest.APPLICATION_ID)
        .containsEntry(MAIL_BURST_FLOOR, "800");
    assertThat(overridden).containsEntry(StormwatchConfig.TOPIC_RETENTION, "3650d");
  }
}
