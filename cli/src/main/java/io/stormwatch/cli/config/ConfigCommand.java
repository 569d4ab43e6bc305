package io.stormwatch.cli.config;

import io.stormwatch.detector.catalogue.RulesDocument;
import io.stormwatch.detector.config.ConfigSources;
import io.stormwatch.detector.config.DefaultsDocument;
import io.stormwatch.detector.config.Redaction;
import io.stormwatch.detector.config.StormwatchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stormwatch config}: the settings, their defaults, and a check of a configuration. */
@Command(
    name = "config",
    description =
        "Prints every detector setting with its default and documentation (--print-defaults), "
            + "or checks a configuration (--check FILE, with the environment and --set applied) and "
            + "prints the effective values, secrets (passwords, JAAS configurations) as [hidden]. A "
            + "bad value exits 2 with a message naming the key and what is allowed. "
            + "--print-rules-markdown prints the README's rule table and rule settings, as the "
            + "rule catalogue generates them.",
    mixinStandardHelpOptions = true)
public final class ConfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Action action;

  static final class Action {
    @Option(
        names = "--print-defaults",
        description = "Print every setting at its default, as YAML.")
    boolean printDefaults;

    @Option(
        names = "--print-rules-markdown",
        description = "Print the README's rule table and rule settings (Markdown).")
    boolean printRulesMarkdown;

    @Option(
        names = "--check",
        paramLabel = "FILE",
        description = "Validate FILE and print the effective settings.")
    Path check;
  }

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a setting (repeatable).")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Override
  public Integer call() {
    if (action.printDefaults) {
      spec.commandLine().getOut().print(DefaultsDocument.yaml());
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (action.printRulesMarkdown) {
      spec.commandLine().getOut().print(RulesDocument.markdown());
      spec.commandLine().getOut().flush();
      return 0;
    }
    StormwatchConfig config;
    try {
      config = ConfigSources.load(action.check, System.getenv(), overrides);
    } catch (ConfigException bad) {
      throw new ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
    var out = spec.commandLine().getOut();
    out.println("# " + action.check + " is valid; effective settings:");
    config.effectiveValues().forEach((key, value) -> print(out, key, value));
    config
        .kafkaOverrides()
        .forEach((key, value) -> print(out, StormwatchConfig.KAFKA_PREFIX + key, value));
    out.flush();
    return 0;
  }

  /** One setting as YAML; a secret is printed as {@value Redaction#HIDDEN}. */
  private static void print(PrintWriter out, String key, Object value) {
    out.println(key + ": \"" + Redaction.shown(key, value) + "\"");
  }
}
