package io.stormwatch.detector.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The MITRE ATT&amp;CK Enterprise techniques the rules report, with their names and tactics: the
 * one place that turns a rule's technique ids into what a SOC reads. Names and tactics are those of
 * ATT&amp;CK Enterprise {@value #ATTACK_VERSION}.
 */
public final class AttackTechniques {

  /** The ATT&amp;CK release the names and tactics below are taken from. */
  public static final String ATTACK_VERSION = "v17";

  /** An ATT&amp;CK tactic, e.g. TA0006 Credential Access. */
  public record Tactic(String id, String name) {}

  /**
   * A technique or sub-technique.
   *
   * @param parent for a sub-technique (T1550.001), its technique (T1550)
   * @param tactics the tactics the technique serves; a sub-technique serves its parent's
   */
  public record Technique(
      String id, String name, Optional<Technique> parent, List<Tactic> tactics) {

    public Technique {
      tactics = List.copyOf(tactics);
    }
  }

  private static final Tactic DEFENSE_EVASION = new Tactic("TA0005", "Defense Evasion");
  private static final Tactic CREDENTIAL_ACCESS = new Tactic("TA0006", "Credential Access");
  private static final Tactic LATERAL_MOVEMENT = new Tactic("TA0008", "Lateral Movement");
  private static final Tactic COLLECTION = new Tactic("TA0009", "Collection");
  private static final Tactic PERSISTENCE = new Tactic("TA0003", "Persistence");
  private static final Tactic PRIVILEGE_ESCALATION = new Tactic("TA0004", "Privilege Escalation");

  private static final Technique ALTERNATE_AUTHENTICATION_MATERIAL =
      technique(
          "T1550", "Use Alternate Authentication Material", DEFENSE_EVASION, LATERAL_MOVEMENT);
  private static final Technique EMAIL_COLLECTION =
      technique("T1114", "Email Collection", COLLECTION);
  private static final Technique ACCOUNT_MANIPULATION =
      technique("T1098", "Account Manipulation", PERSISTENCE, PRIVILEGE_ESCALATION);
  private static final Technique HIDE_ARTIFACTS =
      technique("T1564", "Hide Artifacts", DEFENSE_EVASION);

  private static final Technique IMPAIR_DEFENSES =
      technique("T1562", "Impair Defenses", DEFENSE_EVASION);

  private static final Map<String, Technique> BY_ID =
      index(
          ALTERNATE_AUTHENTICATION_MATERIAL,
          subTechnique("T1550.001", "Application Access Token", ALTERNATE_AUTHENTICATION_MATERIAL),
          technique("T1528", "Steal Application Access Token", CREDENTIAL_ACCESS),
          technique("T1606", "Forge Web Credentials", CREDENTIAL_ACCESS),
          EMAIL_COLLECTION,
          subTechnique("T1114.002", "Remote Email Collection", EMAIL_COLLECTION),
          ACCOUNT_MANIPULATION,
          subTechnique("T1098.002", "Additional Email Delegate Permissions", ACCOUNT_MANIPULATION),
          subTechnique("T1114.003", "Email Forwarding Rule", EMAIL_COLLECTION),
          HIDE_ARTIFACTS,
          subTechnique("T1564.008", "Email Hiding Rules", HIDE_ARTIFACTS),
          IMPAIR_DEFENSES,
          subTechnique("T1562.008", "Disable or Modify Cloud Logs", IMPAIR_DEFENSES));

  private AttackTechniques() {}

  /** The technique or sub-technique {@code id} (e.g. T1550.001), if it is one the rules use. */
  public static Optional<Technique> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  private static Technique technique(String id, String name, Tactic... tactics) {
    return new Technique(id, name, Optional.empty(), List.of(tactics));
  }

  private static Technique subTechnique(String id, String name, Technique parent) {
    return new Technique(id, name, Optional.of(parent), parent.tactics());
  }

  private static Map<String, Technique> index(Technique... techniques) {
    return Arrays.stream(techniques).collect(Collectors.toUnmodifiableMap(Technique::id, t -> t));
  }
}
