package io.stormwatch.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets every option be set from the environment, for containers and CI: {@code --summary-json} of
 * {@code stormwatch demo} is read from {@code STORMWATCH_DEMO_SUMMARY_JSON}, falling back to {@code
 * STORMWATCH_SUMMARY_JSON}. An option given on the command line wins.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

  private final Map<String, String> environment;

  EnvironmentDefaults(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    for (String variable : variablesOf(option)) {
      String value = environment.get(variable);
      if (value != null) {
        return value;
      }
    }
    return option.defaultValue();
  }

  /** The variables {@code option} is read from, the command's own first. */
  static List<String> variablesOf(OptionSpec option) {
    String name = variablePart(option.longestName());
    String command = variablePart(option.command().name());
    return List.of("STORMWATCH_" + command + "_" + name, "STORMWATCH_" + name);
  }

  private static String variablePart(String name) {
    return name.replaceFirst("^-+", "").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }
}
