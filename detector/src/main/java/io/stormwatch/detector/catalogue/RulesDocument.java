package io.stormwatch.detector.catalogue;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The README's rule documentation, generated from the {@link RuleCatalogue} like {@code config
 * --print-defaults} is from the configuration: the rule table (with what to check first on each
 * rule's alerts) and the table of every rule's settings. Each is a block between two markers that
 * name it; {@code RulesDocumentTest} fails when README.md's blocks differ from these.
 */
public final class RulesDocument {

  /** The blocks, by name: the rule table, and the rules' settings. */
  public static final List<String> BLOCKS = List.of("rule-table", "rule-settings");

  private RulesDocument() {}

  /** The line that opens block {@code name} in the README. */
  public static String begin(String name) {
    return "<!-- "
        + name
        + ": generated from the rule catalogue by `./stormwatch config"
        + " --print-rules-markdown`; do not edit -->";
  }

  /** The line that closes block {@code name}. */
  public static String end(String name) {
    return "<!-- end of " + name + " -->";
  }

  /** Both blocks, each between its markers, as they stand in the README. */
  public static String markdown() {
    return BLOCKS.stream()
        .map(name -> begin(name) + "\n" + block(name) + end(name) + "\n")
        .collect(Collectors.joining("\n"));
  }

  /**
   * The text of block {@code name}, without its markers.
   *
   * @throws IllegalArgumentException if there is no such block
   */
  public static String block(String name) {
    return switch (name) {
      case "rule-table" -> ruleTable();
      case "rule-settings" -> ruleSettings();
      default -> throw new IllegalArgumentException("no generated block " + name);
    };
  }

  private static String ruleTable() {
    StringBuilder out =
        new StringBuilder(
            "| rule id | ATT&CK | severity | fires on | stays quiet on (and the benign traps of"
                + " `evaluate` that check it) |\n|---|---|---|---|---|\n");
    for (RuleEntry entry : RuleCatalogue.entries()) {
      RuleDescriptor rule = entry.descriptor();
      out.append("| `")
          .append(rule.id())
          .append("` | ")
          .append(
              rule.attackTechniques().isEmpty() ? "—" : String.join(", ", rule.attackTechniques()))
          .append(" | ")
          .append(severities(rule.severities()))
          .append(" | ")
          .append(rule.firesOn())
          .append(" | ")
          .append(rule.staysQuietOn())
          .append(" — traps: ")
          .append(
              rule.trapScenarios().stream()
                  .map(t -> "`" + t + "`")
                  .collect(Collectors.joining(", ")))
          .append(" |\n");
    }
    out.append(
        "\nWhat to check first on an alert, and the legitimate activity that can still set it"
            + " off:\n\n");
    for (RuleEntry entry : RuleCatalogue.entries()) {
      RuleDescriptor rule = entry.descriptor();
      out.append("- `")
          .append(rule.id())
          .append("` — *")
          .append(rule.title())
          .append("* (version ")
          .append(rule.version())
          .append(", runs on each ")
          .append(entry.scope())
          .append("'s ")
          .append(entry.scope().equals("account") ? "events" : "logs")
          .append("). ")
          .append(rule.triage())
          .append(" *False positives:* ")
          .append(rule.falsePositives())
          .append('\n');
    }
    return out.toString();
  }

  private static String severities(List<Severity> severities) {
    return severities.size() == 1
        ? severities.get(0).name()
        : severities.get(0).name() + " – " + severities.get(severities.size() - 1).name();
  }

  private static String ruleSettings() {
    StringBuilder out =
        new StringBuilder("| key | default | meaning |\n|---|---|---|\n")
            .append("| `rule.<id>.")
            .append(RuleEntry.ENABLED)
            .append("` | `true` | run the rule; switched off, its state is kept |\n");
    for (RuleEntry entry : RuleCatalogue.entries()) {
      for (ConfigDef.ConfigKey key : entry.settings().configKeys().values()) {
        String value = ConfigDef.convertToString(key.defaultValue, key.type);
        out.append("| `")
            .append(entry.key(key.name))
            .append("` | ")
            .append(value == null || value.isEmpty() ? "—" : "`" + value + "`")
            .append(" | ")
            .append(key.documentation)
            .append(" |\n");
      }
    }
    return out.toString();
  }
}
