package io.stormwatch.detector.ocsf;

import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.alert.AttackTechniques;
import io.stormwatch.detector.ocsf.DetectionFinding.Account;
import io.stormwatch.detector.ocsf.DetectionFinding.Actor;
import io.stormwatch.detector.ocsf.DetectionFinding.Analytic;
import io.stormwatch.detector.ocsf.DetectionFinding.Attack;
import io.stormwatch.detector.ocsf.DetectionFinding.AttackEntry;
import io.stormwatch.detector.ocsf.DetectionFinding.AutonomousSystem;
import io.stormwatch.detector.ocsf.DetectionFinding.Cloud;
import io.stormwatch.detector.ocsf.DetectionFinding.EvidenceArtifact;
import io.stormwatch.detector.ocsf.DetectionFinding.FindingInfo;
import io.stormwatch.detector.ocsf.DetectionFinding.Metadata;
import io.stormwatch.detector.ocsf.DetectionFinding.NetworkEndpoint;
import io.stormwatch.detector.ocsf.DetectionFinding.Observable;
import io.stormwatch.detector.ocsf.DetectionFinding.Product;
import io.stormwatch.detector.ocsf.DetectionFinding.Session;
import io.stormwatch.detector.ocsf.DetectionFinding.User;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns an alert revision into an OCSF Detection Finding: the first revision is a Create, every
 * later one an Update of the same {@code finding_info.uid} (the alert id). Like the alert, the
 * finding is a function of the input events alone.
 *
 * <p>Where the alert's evidence has an OCSF place it goes there and is listed as an observable:
 * client IPs and autonomous systems as source endpoints, the account, its client applications and
 * sessions as actors. The evidence keeps IPs, networks and countries as separate sorted lists, so
 * which IP belongs to which network is not known here and is not made up: each is an artifact of
 * its own. What OCSF has no place for (the revision, countries, network names, token ids, counts,
 * baseline, threshold, sample event ids, forwarding recipients, settings changed, other people's
 * mailboxes read, since when a mailbox goes unaudited) is kept under {@code unmapped}.
 */
public final class DetectionFindingMapper {

  public static final String PRODUCT_NAME = "Stormwatch";

  // Where the observables point: attributes of the finding, as OCSF names them.
  static final String IP_ATTRIBUTE = "evidences[].src_endpoint.ip";

  static final String ASN_ATTRIBUTE = "evidences[].src_endpoint.autonomous_system.number";
  static final String USER_ATTRIBUTE = "evidences[].actor.user.name";
  static final String APP_ATTRIBUTE = "evidences[].actor.app_uid";

  private static final int ACTIVITY_CREATE = 1;
  private static final int ACTIVITY_UPDATE = 2;
  private static final int ANALYTIC_RULE = 1;
  private static final int ACCOUNT_M365_TENANT = 17;
  private static final int OBSERVABLE_IP_ADDRESS = 2;
  private static final int OBSERVABLE_USER_NAME = 4;
  private static final int OBSERVABLE_OTHER = 99;

  private final Map<String, RuleDescriptor> rules;
  private final Product product;

  /**
   * @param rules the rules whose alerts are mapped: their titles name the findings
   * @param productVersion the Stormwatch version reported as the product's, when known
   */
  public DetectionFindingMapper(Collection<RuleDescriptor> rules, Optional<String> productVersion) {
    this.rules =
        rules.stream()
            .collect(Collectors.toUnmodifiableMap(RuleDescriptor::id, Function.identity()));
    this.product = new Product(PRODUCT_NAME, PRODUCT_NAME, productVersion.orElse(null));
  }

  /** The version of the Stormwatch build on the class path, when it runs from a packaged jar. */
  public static Optional<String> buildVersion() {
    try (InputStream in =
        DetectionFindingMapper.class.getResourceAsStream(
            "/META-INF/maven/io.stormwatch/stormwatch-detector/pom.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DetectionFinding map(Alert alert) {
    int activityId = alert.getRevision() <= 1 ? ACTIVITY_CREATE : ACTIVITY_UPDATE;
    String activityName = activityId == ACTIVITY_CREATE ? "Create" : "Update";
    OcsfSeverity severity = OcsfSeverity.of(alert.getSeverity());
    int confidenceScore = (int) Math.round(alert.getConfidence() * 100);
    OcsfConfidence confidence = OcsfConfidence.of(confidenceScore);
    long first = alert.getFirstEventTime().toEpochMilli();
    long last = alert.getLastEventTime().toEpochMilli();
    Evidence evidence = alert.getEvidence();
    Optional<String> account = account(alert);
    List<EvidenceArtifact> evidences = new ArrayList<>();
    List<Observable> observables = new ArrayList<>();
    for (String ip : evidence.getIps()) {
      evidences.add(new EvidenceArtifact(null, new NetworkEndpoint(ip, null, null)));
      observables.add(new Observable(IP_ATTRIBUTE, OBSERVABLE_IP_ADDRESS, "IP Address", ip));
    }
    for (long asn : evidence.getAsns()) {
      evidences.add(
          new EvidenceArtifact(
              null, new NetworkEndpoint(null, "AS" + asn, new AutonomousSystem(asn))));
      observables.add(
          new Observable(
              ASN_ATTRIBUTE, OBSERVABLE_OTHER, "Autonomous System Number", Long.toString(asn)));
    }
    User user = account.map(User::new).orElse(null);
    account.ifPresent(
        upn ->
            observables.add(
                new Observable(USER_ATTRIBUTE, OBSERVABLE_USER_NAME, "User Name", upn)));
    for (String app : evidence.getAppIds()) {
      evidences.add(new EvidenceArtifact(new Actor(user, app, null), null));
      observables.add(new Observable(APP_ATTRIBUTE, OBSERVABLE_OTHER, "Application ID", app));
    }
    for (String session : evidence.getSessionIds()) {
      evidences.add(new EvidenceArtifact(new Actor(user, null, new Session(session)), null));
    }
    if (user != null && evidence.getAppIds().isEmpty() && evidence.getSessionIds().isEmpty()) {
      evidences.add(new EvidenceArtifact(new Actor(user, null, null), null));
    }
    RuleDescriptor rule = rules.get(alert.getRuleId());
    return new DetectionFinding(
        activityId,
        activityName,
        DetectionFinding.CATEGORY_FINDINGS,
        "Findings",
        DetectionFinding.CLASS_DETECTION_FINDING,
        "Detection Finding",
        DetectionFinding.CLASS_DETECTION_FINDING * 100L + activityId,
        "Detection Finding: " + activityName,
        severity.id(),
        severity.caption(),
        last,
        alert.getSummary(),
        new Metadata(
            DetectionFinding.OCSF_VERSION,
            product,
            alert.getAlertId() + "-" + alert.getRevision(),
            alert.getTenantId(),
            List.of("cloud")),
        new FindingInfo(
            alert.getAlertId(),
            rule == null ? alert.getRuleId() : rule.title(),
            alert.getSummary(),
            first,
            last,
            new Analytic(
                alert.getRuleId(),
                alert.getRuleId(),
                ANALYTIC_RULE,
                "Rule",
                Integer.toString(alert.getRuleVersion())),
            attacks(alert.getAttackTechniques())),
        true,
        confidence.id(),
        confidence.caption(),
        confidenceScore,
        first,
        last,
        evidence.getEventCount() > 0
            ? (int) Math.min(evidence.getEventCount(), Integer.MAX_VALUE)
            : null,
        new Cloud(
            "Microsoft", new Account(alert.getTenantId(), ACCOUNT_M365_TENANT, "M365 Tenant")),
        observables,
        evidences,
        unmapped(alert));
  }

  /** The account the alert concerns; none for an alert about a whole tenant. */
  private static Optional<String> account(Alert alert) {
    return Optional.of(alert.getAccountId())
        .filter(a -> !a.isBlank() && !a.equals(Alerts.WHOLE_TENANT));
  }

  /** One attack per (technique, tactic): OCSF's attack holds a single tactic. */
  private static List<Attack> attacks(List<String> techniqueIds) {
    List<Attack> attacks = new ArrayList<>();
    for (String id : techniqueIds) {
      Optional<AttackTechniques.Technique> known = AttackTechniques.byId(id);
      if (known.isEmpty()) {
        attacks.add(new Attack(new AttackEntry(id, null), null, null, null));
        continue;
      }
      AttackTechniques.Technique technique = known.get();
      AttackEntry main = entry(technique.parent().orElse(technique));
      AttackEntry sub = technique.parent().isPresent() ? entry(technique) : null;
      for (AttackTechniques.Tactic tactic : technique.tactics()) {
        attacks.add(
            new Attack(
                main,
                sub,
                new AttackEntry(tactic.id(), tactic.name()),
                AttackTechniques.ATTACK_VERSION));
      }
    }
    return attacks;
  }

  private static AttackEntry entry(AttackTechniques.Technique technique) {
    return new AttackEntry(technique.id(), technique.name());
  }

  private static Map<String, Object> unmapped(Alert alert) {
    Evidence evidence = alert.getEvidence();
    Map<String, Object> unmapped = new LinkedHashMap<>();
    unmapped.put("revision", alert.getRevision());
    if (alert.getIncidentId() != null) {
      unmapped.put("incident_uid", alert.getIncidentId());
    }
    putIfAny(unmapped, "countries", evidence.getCountries());
    putIfAny(unmapped, "as_organisations", evidence.getAsOrganisations());
    putIfAny(unmapped, "token_ids", evidence.getTokenIds());
    if (evidence.getItemCount() > 0) {
      unmapped.put("item_count", evidence.getItemCount());
    }
    if (evidence.getBaseline() != null) {
      unmapped.put("baseline", evidence.getBaseline());
    }
    if (evidence.getThreshold() != null) {
      unmapped.put("threshold", evidence.getThreshold());
    }
    putIfAny(unmapped, "sample_event_ids", evidence.getSampleEventIds());
    putIfAny(unmapped, "recipients", evidence.getRecipients());
    putIfAny(unmapped, "changes", evidence.getChanges());
    putIfAny(unmapped, "mailboxes", evidence.getMailboxes());
    if (evidence.getMailboxBlindSince() != null) {
      unmapped.put("mailbox_blind_since", evidence.getMailboxBlindSince().toEpochMilli());
    }
    if (evidence.getMailboxBlindUntil() != null) {
      unmapped.put("mailbox_blind_until", evidence.getMailboxBlindUntil().toEpochMilli());
    }
    return unmapped;
  }

  private static void putIfAny(Map<String, Object> map, String key, List<?> values) {
    if (!values.isEmpty()) {
      map.put(key, List.copyOf(values));
    }
  }

  /** The OCSF severity_id of a Stormwatch severity: 2 Low, 3 Medium, 4 High, 5 Critical. */
  public static int severityId(Severity severity) {
    return OcsfSeverity.of(severity).id();
  }

  /** OCSF severity_id and its caption for a Stormwatch severity. */
  record OcsfSeverity(int id, String caption) {

    static OcsfSeverity of(Severity severity) {
      return switch (severity) {
        case LOW -> new OcsfSeverity(2, "Low");
        case MEDIUM -> new OcsfSeverity(3, "Medium");
        case HIGH -> new OcsfSeverity(4, "High");
        case CRITICAL -> new OcsfSeverity(5, "Critical");
      };
    }
  }

  /**
   * OCSF confidence_id and its caption for a confidence score of 0..100: High from 80, Medium from
   * 50, Low below.
   */
  record OcsfConfidence(int id, String caption) {

    static OcsfConfidence of(int score) {
      if (score >= 80) {
        return new OcsfConfidence(3, "High");
      }
      return score >= 50 ? new OcsfConfidence(2, "Medium") : new OcsfConfidence(1, "Low");
    }
  }
}
