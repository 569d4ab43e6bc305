package io.stormwatch.detector.rules.mailforwarding;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.rules.ChangeIncident;
import io.stormwatch.detector.rules.InboxRuleChange;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.formats.common.MailAddresses;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mail forwarded outside the tenant (ATT&amp;CK T1114.003): an inbox rule, or the mailbox's own
 * forwarding, that sends the mailbox's mail to an address none of the tenant's mail domains holds.
 *
 * <p>A tenant's domains are learned, not configured: the tenant stage shows each change the domains
 * the tenant's own mailboxes were seen with, to which the rule adds the domain of the mailbox the
 * change is recorded on and the configured ones. Until a tenant's mailboxes have been seen, every
 * domain not configured is outside it.
 *
 * <p>Not judged: a recipient written as a name (an address-book object, which may be a mail contact
 * pointing outside), and Outlook's changes to an existing rule, for which Exchange records no rule
 * content; those are counted, and the count goes into the account's next alert.
 */
public final class MailForwardingRule implements AccountRule<MailForwardingState> {

  private static final List<String> RULE_EVIDENCE =
      List.of(
          "Name",
          "Mailbox",
          "ForwardTo",
          "ForwardAsAttachmentTo",
          "RedirectTo",
          "DeleteMessage",
          "SoftDeleteMessage");
  private static final List<String> MAILBOX_EVIDENCE =
      List.of(
          "Identity", "ForwardingSmtpAddress", "ForwardingAddress", "DeliverToMailboxAndForward");

  private final MailForwardingSettings settings;

  public MailForwardingRule(MailForwardingSettings settings) {
    this.settings = settings;
  }

  @Override
  public RuleDescriptor descriptor() {
    return MailForwarding.DESCRIPTOR;
  }

  @Override
  public MailForwardingState newState() {
    return new MailForwardingState();
  }

  @Override
  public boolean isEmpty(MailForwardingState state) {
    return state.isEmpty();
  }

  @Override
  public StateCodec<MailForwardingState> codec() {
    return MailForwardingState.CODEC;
  }

  /** One change that forwards mail, as read from an event. */
  private record Forwarding(
      String what, Set<String> recipients, boolean keepsNoCopy, List<String> settings) {}

  @Override
  public List<Alert> evaluate(MailForwardingState state, AuditEvent event) {
    if (event.getKind() != EventKind.INBOX_RULE && event.getKind() != EventKind.EXCHANGE_ADMIN) {
      return List.of();
    }
    long time = event.getEventTime().toEpochMilli();
    state.incident.closeIfQuietSince(time, settings.incidentQuiet().toMillis());
    if (!state.incident.isOpen()) {
      state.keepsNoCopy = false;
    }
    if (InboxRuleChange.unreadableOutlookChange(event)) {
      state.unreadableRuleChanges++;
      return List.of();
    }
    Optional<Forwarding> forwarding = forwardingOf(event);
    if (forwarding.isEmpty()) {
      return List.of();
    }
    Set<String> external = outside(forwarding.get().recipients(), event);
    if (external.isEmpty()) {
      return List.of();
    }
    state.incident.add(event, external, forwarding.get().settings());
    boolean keepsNoCopyBefore = state.keepsNoCopy;
    state.keepsNoCopy |= forwarding.get().keepsNoCopy();
    if (!state.incident.newRevision(keepsNoCopyBefore != state.keepsNoCopy)) {
      return List.of();
    }
    return List.of(alert(state, event, forwarding.get()));
  }

  private static Optional<Forwarding> forwardingOf(AuditEvent event) {
    Optional<InboxRuleChange> rule = InboxRuleChange.of(event);
    if (rule.isPresent()) {
      InboxRuleChange change = rule.get();
      if (change.forwardingAddresses().isEmpty()) {
        return Optional.empty();
      }
      String what =
          "inbox rule \""
              + change.name()
              + "\""
              + change.mailbox().map(m -> " on mailbox " + m).orElse("");
      return Optional.of(
          new Forwarding(
              what,
              change.forwardingAddresses(),
              change.redirects() || change.deletes(),
              prefixed(event, change.describe(RULE_EVIDENCE))));
    }
    if (event.getKind() == EventKind.EXCHANGE_ADMIN
        && "Set-Mailbox".equalsIgnoreCase(event.getOperation())) {
      Map<String, String> parameters = event.getParameters();
      Set<String> recipients = new TreeSet<>();
      recipients.addAll(MailAddresses.in(parameters.get("ForwardingSmtpAddress")));
      recipients.addAll(MailAddresses.in(parameters.get("ForwardingAddress")));
      if (recipients.isEmpty()) {
        return Optional.empty();
      }
      String deliver = parameters.getOrDefault("DeliverToMailboxAndForward", "").strip();
      String identity = parameters.getOrDefault("Identity", "").strip();
      return Optional.of(
          new Forwarding(
              "mailbox forwarding" + (identity.isEmpty() ? "" : " of " + identity),
              recipients,
              deliver.equalsIgnoreCase("False"),
              prefixed(event, describe(parameters, MAILBOX_EVIDENCE))));
    }
    return Optional.empty();
  }

  /** The recipients outside the tenant's domains. */
  private Set<String> outside(Set<String> recipients, AuditEvent event) {
    List<String> domains = new ArrayList<>(event.getTenantMailDomains());
    domains.addAll(settings.internalDomains());
    String mailboxDomain = MailAddresses.domainOf(event.getMailboxOwner());
    if (mailboxDomain != null) {
      domains.add(mailboxDomain);
    }
    Set<String> external = new TreeSet<>();
    for (String recipient : recipients) {
      if (!MailAddresses.inDomains(recipient, domains)) {
        external.add(recipient);
      }
    }
    return external;
  }

  private Alert alert(MailForwardingState state, AuditEvent event, Forwarding latest) {
    ChangeIncident incident = state.incident;
    String summary =
        String.format(
            Locale.ROOT,
            "%s set %s forwarding mail to %s, outside the tenant's mail domains, from %s%s%s",
            event.getAccountId(),
            latest.what(),
            String.join(", ", incident.recipients().toList()),
            incident.origin(),
            state.keepsNoCopy ? "; the mailbox keeps no copy" : "",
            state.unreadableRuleChanges == 0
                ? ""
                : String.format(
                    Locale.ROOT,
                    "; %d Outlook rule change%s of the account cannot be read (ModifyMailboxRule)",
                    state.unreadableRuleChanges,
                    state.unreadableRuleChanges == 1 ? "" : "s"));
    return Alerts.revision(
        MailForwarding.DESCRIPTOR,
        AlertIds.of(
            MailForwarding.DESCRIPTOR.id(),
            event.getTenantId(),
            event.getAccountId(),
            "forwarding@" + incident.start()),
        incident.revision(),
        state.keepsNoCopy ? Severity.CRITICAL : Severity.HIGH,
        state.keepsNoCopy ? 0.9 : 0.8,
        event.getTenantId(),
        event.getAccountId(),
        incident.firstEvent(),
        incident.lastEvent(),
        summary,
        incident.evidence().build());
  }

  private static List<String> describe(Map<String, String> parameters, List<String> names) {
    return names.stream()
        .filter(n -> parameters.get(n) != null && !parameters.get(n).isBlank())
        .map(n -> n + "=" + parameters.get(n).strip())
        .toList();
  }

  private static List<String> prefixed(AuditEvent event, List<String> settings) {
    return settings.stream().map(s -> event.getOperation() + " " + s).toList();
  }
}
