package io.stormwatch.sim.scenario;

import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.scenario.script.Scene;
import io.stormwatch.sim.world.Tenant;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one scenario instance is and what a detector must (or must not) say about it.
 *
 * @param id stable id, {@code <type>-<tenant name>-<n>}, e.g. {@code token-replay-vps-fabrikam-1}
 * @param type the scenario
 * @param kind attack or benign trap
 * @param requiredRules rules that must fire on it (empty for benign traps)
 * @param allowedRules rules that may fire on it without counting as false positives
 * @param tenantId the tenant it plays in
 * @param tenantName that tenant's short name
 * @param accounts lower-case UPNs (and {@code serviceprincipal:<id>} accounts) it concerns; empty
 *     when it concerns the whole tenant
 * @param start event time of its first record
 * @param end event time of its last record
 * @param recordIds the {@code Id} (UAL) or {@code id} (sign-in) of every record it consists of, in
 *     event-time order
 * @param parameters the figures it was drawn with and the pattern it shows, sorted by name, e.g.
 *     {@code maxItemsInAnHour=412}
 * @param summary one line a SOC analyst can read
 */
public record ScenarioLabel(
    String id,
    ScenarioType type,
    ScenarioKind kind,
    Set<String> requiredRules,
    Set<String> allowedRules,
    String tenantId,
    String tenantName,
    List<String> accounts,
    Instant start,
    Instant end,
    List<String> recordIds,
    SortedMap<String, String> parameters,
    String summary) {

  public ScenarioLabel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(id + ": end " + end + " is before start " + start);
    }
    requiredRules = Collections.unmodifiableSortedSet(new TreeSet<>(requiredRules));
    allowedRules = Collections.unmodifiableSortedSet(new TreeSet<>(allowedRules));
    accounts = List.copyOf(accounts);
    recordIds = List.copyOf(recordIds);
    parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
  }

  /**
   * The label of a played scene.
   *
   * @param id the scenario instance's id
   * @param records the scene's records as the pipeline receives them, in event-time order
   * @throws IllegalStateException if there is no record
   */
  public static ScenarioLabel of(
      String id, ScenarioType type, Tenant tenant, Scene scene, List<? extends SimEvent> records) {
    if (records.isEmpty()) {
      throw new IllegalStateException(id + " produced no record");
    }
    return new ScenarioLabel(
        id,
        type,
        type.kind(),
        type.requiredRules(),
        type.allowedRules(),
        tenant.tenantId(),
        tenant.name(),
        scene.accounts(),
        records.stream().map(SimEvent::time).min(Instant::compareTo).orElseThrow(),
        records.stream().map(SimEvent::time).max(Instant::compareTo).orElseThrow(),
        records.stream().map(SimEvent::recordId).toList(),
        scene.parameters(),
        scene.summary());
  }

  /** Whether the scenario concerns the whole tenant rather than named accounts. */
  public boolean tenantWide() {
    return accounts.isEmpty();
  }

  /** Whether an alert of {@code ruleId} on this scenario is expected or tolerated. */
  public boolean permits(String ruleId) {
    return requiredRules.contains(ruleId) || allowedRules.contains(ruleId);
  }
}
