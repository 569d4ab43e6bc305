package io.stormwatch.detector.testing;

import io.stormwatch.detector.rules.TenantRule;
import io.stormwatch.detector.tenant.AccountHour;
import io.stormwatch.detector.tenant.InMemoryTenantState;
import io.stormwatch.detector.tenant.TenantStage;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tenant rules at work in a real {@link TenantStage} over in-memory state: events go in one by one,
 * in the order given, and every alert they raise (at once, or when a check comes due) is kept.
 */
public final class TenantRuleRun {

  private final TenantStage stage;
  private final List<Alert> alerts = new ArrayList<>();

  /** Each account's hour of mail read, as the account entries keep it in the pipeline. */
  private final Map<String, AccountHour> accountHours = new HashMap<>();

  public TenantRuleRun(TenantRule... rules) {
    InMemoryTenantState state = new InMemoryTenantState();
    this.stage = new TenantStage(state, state, state, List.of(rules));
  }

  /** Processes {@code event} and returns it, annotated with the tenant context. */
  public AuditEvent feed(AuditEvent event) {
    alerts.addAll(
        stage.process(
            event, accountHours.computeIfAbsent(event.getAccountId(), a -> new AccountHour())));
    alerts.addAll(stage.streamTimeReached(event.getEventTime().toEpochMilli()));
    return event;
  }

  /** Every alert revision raised so far, in order. */
  public List<Alert> alerts() {
    return alerts;
  }

  /** The latest revision of each alert raised so far. */
  public List<Alert> latest() {
    List<Alert> latest = new ArrayList<>();
    for (Alert alert : alerts) {
      latest.removeIf(a -> a.getAlertId().equals(alert.getAlertId()));
      latest.add(alert);
    }
    return latest;
  }
}
