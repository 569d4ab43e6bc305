package io.stormwatch.cli.options;

import io.stormwatch.detector.config.StormwatchConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Detector settings given one by one on the command line, for a detector this command starts. */
public final class DetectorSettingOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override a detector setting (repeatable), e.g. --set rule.mail-burst.floor.items=800.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** The settings as given. */
  public Map<String, String> given() {
    return Collections.unmodifiableMap(settings);
  }

  /**
   * The settings on top of the defaults, under {@code applicationId} unless they name another,
   * checked.
   *
   * @throws ParameterException (a usage error, exit code 2) naming the bad key
   */
  public Map<String, String> checkedUnder(String applicationId) {
    Map<String, String> checked = new LinkedHashMap<>(settings);
    checked.putIfAbsent(StormwatchConfig.APPLICATION_ID, applicationId);
    try {
      StormwatchConfig.from(checked);
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), "--set: " + e.getMessage(), e);
    }
    return checked;
  }
}
