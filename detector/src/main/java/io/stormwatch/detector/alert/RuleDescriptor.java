package io.stormwatch.detector.alert;

import java.util.List;

/**
 * A rule's stable identity: id and version travel in every alert, so a SOC can tell which logic
 * produced it.
 *
 * @param id stable rule id, e.g. {@code token-replay}
 * @param title what the rule finds, as a SOC reads it in a list of findings
 * @param version bumped whenever the rule's behaviour changes
 * @param attackTechniques MITRE ATT&amp;CK technique ids the rule detects
 */
public record RuleDescriptor(String id, String title, int version, List<String> attackTechniques) {

  public RuleDescriptor {
    attackTechniques = List.copyOf(attackTechniques);
  }
}
