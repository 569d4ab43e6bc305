package io.stormwatch.detector.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a rule's texts tell an analyst to tune exists: every setting they name is a real key. */
class RuleTextsTest {

  /** A setting as the texts name it: rule.<id>.<key>, without a closing full stop. */
  private static final Pattern SETTING = Pattern.compile("rule\\.[a-z-]+(\\.[a-z]+)+");

  static List<RuleEntry> rules() {
    return RuleCatalogue.entries();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everySettingTheTextsNameExists(RuleEntry rule) {
    RuleDescriptor descriptor = rule.descriptor();
    Set<String> keys = StormwatchConfig.definition().names();

    List<String> named =
        Stream.of(descriptor.firesOn(), descriptor.triage(), descriptor.falsePositives())
            .flatMap(text -> settingsIn(text).stream())
            .toList();

    assertThat(keys).as("settings named by %s's texts", descriptor.id()).containsAll(named);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void theFalsePositivesSayWhatToTune(RuleEntry rule) {
    assertThat(settingsIn(rule.descriptor().falsePositives()))
        .as("%s's false positives name a setting to tune them with", rule.descriptor().id())
        .isNotEmpty();
  }

  private static List<String> settingsIn(String text) {
    Matcher matcher = SETTING.matcher(text);
    return matcher.results().map(m -> m.group()).toList();
  }
}
