package io.stormwatch.detector.rules;

import io.stormwatch.detector.incident.IncidentRole;
import io.stormwatch.schemas.avro.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What a rule is, for the alerts it writes and the people who read them. Id, version, title and
 * ATT&amp;CK techniques travel in every alert; the rest documents the rule, and the README's rule
 * table is generated from it.
 *
 * @param id stable rule id, e.g. {@code token-replay}: an alert's {@code ruleId}, the prefix of the
 *     rule's settings ({@code rule.<id>.}) and the name scenarios label attacks with
 * @param title what the rule finds, as a SOC reads it in a list of findings
 * @param version bumped whenever the rule's behaviour changes
 * @param attackTechniques MITRE ATT&amp;CK technique ids the rule detects
 * @param severities the severities its alerts can have, lowest first
 * @param firesOn what makes it fire, with its default thresholds
 * @param staysQuietOn the benign look-alikes it is built not to fire on
 * @param triage what an analyst checks first on one of its alerts
 * @param falsePositives the legitimate activity that can still make it fire, and the setting that
 *     tunes it away
 * @param trapScenarios ids of the scenario library's benign traps that check it stays quiet
 * @param incidentRole what its alerts mean to their account's incident
 */
public record RuleDescriptor(
    String id,
    String title,
    int version,
    List<String> attackTechniques,
    List<Severity> severities,
    String firesOn,
    String staysQuietOn,
    String triage,
    String falsePositives,
    List<String> trapScenarios,
    IncidentRole incidentRole) {

  public RuleDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    attackTechniques = List.copyOf(attackTechniques);
    severities = List.copyOf(severities);
    Objects.requireNonNull(firesOn, "firesOn");
    Objects.requireNonNull(staysQuietOn, "staysQuietOn");
    Objects.requireNonNull(triage, "triage");
    Objects.requireNonNull(falsePositives, "falsePositives");
    trapScenarios = List.copyOf(trapScenarios);
    Objects.requireNonNull(incidentRole, "incidentRole");
  }

  /** Starts the descriptor of rule {@code id}. */
  public static Builder rule(String id) {
    return new Builder(id);
  }

  /** Names the parts of a descriptor one by one; {@link #build} checks that none is missing. */
  public static final class Builder {
    private final String id;
    private String title;
    private int version;
    private List<String> attackTechniques = List.of();
    private List<Severity> severities = List.of();
    private String firesOn;
    private String staysQuietOn;
    private String triage;
    private String falsePositives;
    private List<String> trapScenarios = List.of();
    private IncidentRole incidentRole = IncidentRole.PLAIN;

    private Builder(String id) {
      this.id = id;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder version(int version) {
      this.version = version;
      return this;
    }

    public Builder attackTechniques(String... ids) {
      this.attackTechniques = List.of(ids);
      return this;
    }

    public Builder severities(Severity... severities) {
      this.severities = List.of(severities);
      return this;
    }

    public Builder firesOn(String firesOn) {
      this.firesOn = firesOn;
      return this;
    }

    public Builder staysQuietOn(String staysQuietOn) {
      this.staysQuietOn = staysQuietOn;
      return this;
    }

    public Builder triage(String triage) {
      this.triage = triage;
      return this;
    }

    public Builder falsePositives(String falsePositives) {
      this.falsePositives = falsePositives;
      return this;
    }

    public Builder trapScenarios(String... scenarioIds) {
      this.trapScenarios = List.of(scenarioIds);
      return this;
    }

    /** What the rule's alerts mean to their account's incident; {@code PLAIN} unless set. */
    public Builder incidentRole(IncidentRole incidentRole) {
      this.incidentRole = incidentRole;
      return this;
    }

    /**
     * The descriptor.
     *
     * @throws IllegalStateException if the version is not positive or a text or severity is missing
     */
    public RuleDescriptor build() {
      if (version < 1 || title == null || severities.isEmpty()) {
        throw new IllegalStateException(id + ": a rule needs a title, a version and severities");
      }
      return new RuleDescriptor(
          id,
          title,
          version,
          attackTechniques,
          severities,
          firesOn,
          staysQuietOn,
          triage,
          falsePositives,
          trapScenarios,
          incidentRole);
    }
  }
}
