package io.stormwatch.cli.scoring;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import io.stormwatch.sim.scenario.ScenarioKind;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.scenario.ScenarioType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Labels and alerts for scoring tests, written the way the domain talks. */
public final class Scenarios {

  public static final String CONTOSO = "11111111-1111-4111-8111-111111111111";
  public static final String NORTHWIND = "33333333-3333-4333-8333-333333333333";
  public static final Instant T0 = Instant.parse("2026-03-03T14:00:00Z");

  private Scenarios() {}

  public static ScenarioLabel attack(
      String id, Set<String> required, Set<String> allowed, String account) {
    return label(
        id,
        ScenarioType.TOKEN_REPLAY_VPS,
        ScenarioKind.ATTACK,
        required,
        allowed,
        CONTOSO,
        List.of(account));
  }

  public static ScenarioLabel trap(String id, String account) {
    return label(
        id,
        ScenarioType.CORPORATE_VPN_SWITCH,
        ScenarioKind.BENIGN_TRAP,
        Set.of(),
        Set.of(),
        CONTOSO,
        List.of(account));
  }

  public static ScenarioLabel tenantWide(String id, Set<String> required, String tenant) {
    return label(
        id,
        ScenarioType.TENANT_WITHOUT_SIGNIN_LOGS,
        ScenarioKind.ATTACK,
        required,
        Set.of(),
        tenant,
        List.of());
  }

  private static ScenarioLabel label(
      String id,
      ScenarioType type,
      ScenarioKind kind,
      Set<String> required,
      Set<String> allowed,
      String tenant,
      List<String> accounts) {
    return new ScenarioLabel(
        id,
        type,
        kind,
        required,
        allowed,
        tenant,
        "contoso",
        accounts,
        T0,
        T0.plusSeconds(1800),
        List.of("r-" + id),
        new TreeMap<>(),
        id);
  }

  /** An alert builder: {@code alert("a1").rule(...).on(account).from(t).to(t).revision(n)}. */
  public static AlertBuilder alert(String alertId) {
    return new AlertBuilder(alertId);
  }

  public static final class AlertBuilder {
    private final String alertId;
    private String rule = "token-replay";
    private String tenant = CONTOSO;
    private String account = "alice@contoso.com";
    private Instant first = T0;
    private Instant last = T0.plusSeconds(60);
    private int revision = 1;

    private AlertBuilder(String alertId) {
      this.alertId = alertId;
    }

    public AlertBuilder rule(String rule) {
      this.rule = rule;
      return this;
    }

    public AlertBuilder tenant(String tenant) {
      this.tenant = tenant;
      return this;
    }

    public AlertBuilder on(String account) {
      this.account = account;
      return this;
    }

    public AlertBuilder from(Instant first) {
      this.first = first;
      return this;
    }

    public AlertBuilder to(Instant last) {
      this.last = last;
      return this;
    }

    public AlertBuilder revision(int revision) {
      this.revision = revision;
      return this;
    }

    public Alert build() {
      return Alert.newBuilder()
          .setAlertId(alertId)
          .setRevision(revision)
          .setRuleId(rule)
          .setRuleVersion(1)
          .setSeverity(Severity.HIGH)
          .setTenantId(tenant)
          .setAccountId(account)
          .setFirstEventTime(first)
          .setLastEventTime(last)
          .setSummary(rule + " on " + account)
          .setEvidence(Evidence.newBuilder().build())
          .build();
    }
  }
}
