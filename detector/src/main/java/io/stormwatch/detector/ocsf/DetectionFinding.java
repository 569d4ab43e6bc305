package io.stormwatch.detector.ocsf;

import java.util.List;
import java.util.Map;

/**
 * One alert revision as an OCSF {@value #OCSF_VERSION} Detection Finding (class_uid 2004): the
 * attributes Stormwatch fills, named and typed as the OCSF schema defines them. Serialised by
 * {@link OcsfJson} in snake case, leaving out what is null or empty.
 *
 * @see <a href="https://schema.ocsf.io/1.6.0/classes/detection_finding">Detection Finding</a>
 */
public record DetectionFinding(
    int activityId,
    String activityName,
    int categoryUid,
    String categoryName,
    int classUid,
    String className,
    long typeUid,
    String typeName,
    int severityId,
    String severity,
    long time,
    String message,
    Metadata metadata,
    FindingInfo findingInfo,
    Boolean isAlert,
    Integer confidenceId,
    String confidence,
    Integer confidenceScore,
    Long startTime,
    Long endTime,
    Integer count,
    Cloud cloud,
    List<Observable> observables,
    List<EvidenceArtifact> evidences,
    Map<String, Object> unmapped) {

  /** The OCSF schema release the findings follow. */
  public static final String OCSF_VERSION = "1.6.0";

  public static final int CATEGORY_FINDINGS = 2;
  public static final int CLASS_DETECTION_FINDING = 2004;

  /** OCSF {@code metadata}: schema version, product, the event's own id. */
  public record Metadata(
      String version, Product product, String uid, String tenantUid, List<String> profiles) {}

  /** OCSF {@code product}: what reported the finding. */
  public record Product(String name, String vendorName, String version) {}

  /** OCSF {@code finding_info}: the finding's id, title and what raised it. */
  public record FindingInfo(
      String uid,
      String title,
      String desc,
      Long firstSeenTime,
      Long lastSeenTime,
      Analytic analytic,
      List<Attack> attacks) {}

  /** OCSF {@code analytic}: the rule that raised the finding. */
  public record Analytic(String uid, String name, int typeId, String type, String version) {}

  /** OCSF {@code attack}: one ATT&amp;CK technique (or sub-technique) with one of its tactics. */
  public record Attack(
      AttackEntry technique, AttackEntry subTechnique, AttackEntry tactic, String version) {}

  /**
   * OCSF {@code technique}, {@code sub_technique} and {@code tactic}: an ATT&amp;CK id and name.
   */
  public record AttackEntry(String uid, String name) {}

  /** OCSF {@code cloud}: the Microsoft 365 tenant. */
  public record Cloud(String provider, Account account) {}

  /** OCSF {@code account}. */
  public record Account(String uid, Integer typeId, String type) {}

  /** OCSF {@code observable}: a pivot to a value elsewhere in the finding. */
  public record Observable(String name, int typeId, String type, String value) {}

  /** OCSF {@code evidences} item: one artifact the rule saw. */
  public record EvidenceArtifact(Actor actor, NetworkEndpoint srcEndpoint) {}

  /** OCSF {@code actor}: the account, the client application, the session. */
  public record Actor(User user, String appUid, Session session) {}

  /** OCSF {@code user}. */
  public record User(String name) {}

  /** OCSF {@code session}. */
  public record Session(String uid) {}

  /** OCSF {@code network_endpoint}: a client address or the network it came from. */
  public record NetworkEndpoint(String ip, String name, AutonomousSystem autonomousSystem) {}

  /** OCSF {@code autonomous_system}. */
  public record AutonomousSystem(Long number) {}
}
