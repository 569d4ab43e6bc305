package io.stormwatch.detector.rules.audittampering;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.rules.ChangeIncident;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Changes that stop Exchange or Microsoft 365 from auditing (ATT&amp;CK T1562.008): a mailbox-audit
 * bypass for an account, mailbox auditing switched off for a mailbox or the whole organisation,
 * MailItemsAccessed removed from a mailbox's audited actions, the unified audit log's ingestion
 * switched off. Each is read from the cmdlet's parameters by name and judged by its value:
 * switching auditing on, or removing a bypass, is what hardening and tenant provisioning do.
 */
public final class AuditTamperingRule implements AccountRule<AuditTamperingState> {

  /** What one change does to auditing, and how bad that is. */
  private record Effect(String what, Severity severity, List<String> settings) {}

  private final AuditTamperingSettings settings;

  public AuditTamperingRule(AuditTamperingSettings settings) {
    this.settings = settings;
  }

  @Override
  public RuleDescriptor descriptor() {
    return AuditTampering.DESCRIPTOR;
  }

  @Override
  public AuditTamperingState newState() {
    return new AuditTamperingState();
  }

  @Override
  public boolean isEmpty(AuditTamperingState state) {
    return !state.incident.isOpen();
  }

  @Override
  public StateCodec<AuditTamperingState> codec() {
    return AuditTamperingState.CODEC;
  }

  @Override
  public List<Alert> evaluate(AuditTamperingState state, AuditEvent event) {
    if (event.getKind() != EventKind.EXCHANGE_ADMIN) {
      return List.of();
    }
    List<Effect> effects = effects(event.getOperation(), event.getParameters());
    if (effects.isEmpty()) {
      return List.of();
    }
    state.incident.closeIfQuietSince(
        event.getEventTime().toEpochMilli(), settings.incidentQuiet().toMillis());
    if (!state.incident.isOpen()) {
      state.severity = Severity.LOW;
    }
    Severity before = state.severity;
    List<String> made = new ArrayList<>();
    for (Effect effect : effects) {
      made.addAll(effect.settings());
      if (effect.severity().compareTo(state.severity) > 0) {
        state.severity = effect.severity();
      }
    }
    state.incident.add(event, List.of(), made);
    if (!state.incident.newRevision(state.severity != before)) {
      return List.of();
    }
    return List.of(alert(state, event, effects));
  }

  private List<Effect> effects(String operation, Map<String, String> parameters) {
    String identity = parameters.getOrDefault("Identity", "").strip();
    String target = identity.isEmpty() ? "" : " of " + identity;
    List<Effect> effects = new ArrayList<>();
    switch (operation.toLowerCase(Locale.ROOT)) {
      case "set-mailboxauditbypassassociation" -> {
        if (isTrue(parameters, "AuditBypassEnabled")
            && !settings.bypassAllowed().contains(identity.toLowerCase(Locale.ROOT))) {
          effects.add(
              effect(
                  "bypassed mailbox auditing of every action" + target,
                  Severity.HIGH,
                  operation,
                  parameters,
                  "Identity",
                  "AuditBypassEnabled"));
        }
      }
      case "set-mailbox" -> {
        if (isFalse(parameters, "AuditEnabled")) {
          effects.add(
              effect(
                  "switched mailbox auditing off" + target,
                  Severity.HIGH,
                  operation,
                  parameters,
                  "Identity",
                  "AuditEnabled"));
        }
        for (String actions : List.of("AuditOwner", "AuditDelegate", "AuditAdmin")) {
          String value = parameters.getOrDefault(actions, "").toLowerCase(Locale.ROOT);
          if (value.contains("remove") && value.contains("mailitemsaccessed")) {
            effects.add(
                effect(
                    "stopped auditing MailItemsAccessed in " + actions + target,
                    Severity.HIGH,
                    operation,
                    parameters,
                    "Identity",
                    actions));
          }
        }
      }
      case "set-organizationconfig" -> {
        if (isTrue(parameters, "AuditDisabled")) {
          effects.add(
              effect(
                  "switched mailbox auditing off for the whole organisation",
                  Severity.CRITICAL,
                  operation,
                  parameters,
                  "AuditDisabled"));
        }
      }
      case "set-adminauditlogconfig" -> {
        if (isFalse(parameters, "UnifiedAuditLogIngestionEnabled")) {
          effects.add(
              effect(
                  "switched the tenant's unified audit log ingestion off",
                  Severity.CRITICAL,
                  operation,
                  parameters,
                  "UnifiedAuditLogIngestionEnabled"));
        }
        if (isFalse(parameters, "AdminAuditLogEnabled")) {
          effects.add(
              effect(
                  "switched the admin audit log off",
                  Severity.HIGH,
                  operation,
                  parameters,
                  "AdminAuditLogEnabled"));
        }
      }
      default -> {
        // Other cmdlets do not change what is audited.
      }
    }
    return effects;
  }

  private static Effect effect(
      String what,
      Severity severity,
      String operation,
      Map<String, String> parameters,
      String... names) {
    List<String> made = new ArrayList<>();
    for (String name : names) {
      String value = parameters.get(name);
      if (value != null && !value.isBlank()) {
        made.add(operation + " " + name + "=" + value.strip());
      }
    }
    return new Effect(what, severity, made);
  }

  private static boolean isTrue(Map<String, String> parameters, String name) {
    return parameters.getOrDefault(name, "").strip().equalsIgnoreCase("True");
  }

  private static boolean isFalse(Map<String, String> parameters, String name) {
    return parameters.getOrDefault(name, "").strip().equalsIgnoreCase("False");
  }

  private Alert alert(AuditTamperingState state, AuditEvent event, List<Effect> effects) {
    ChangeIncident incident = state.incident;
    String summary =
        String.format(
            Locale.ROOT,
            "%s %s from %s%s",
            event.getAccountId(),
            String.join(" and ", effects.stream().map(Effect::what).toList()),
            incident.origin(),
            incident.events() > 1
                ? String.format(
                    Locale.ROOT,
                    " (%d changes weakening audit since %s)",
                    incident.events(),
                    incident.firstEvent())
                : "");
    return Alerts.revision(
        AuditTampering.DESCRIPTOR,
        AlertIds.of(
            AuditTampering.DESCRIPTOR.id(),
            event.getTenantId(),
            event.getAccountId(),
            "tampering@" + incident.start()),
        incident.revision(),
        state.severity,
        state.severity == Severity.CRITICAL ? 0.9 : 0.8,
        event.getTenantId(),
        event.getAccountId(),
        incident.firstEvent(),
        incident.lastEvent(),
        summary,
        incident.evidence().setMailboxBlindSince(incident.firstEvent()).build());
  }
}
