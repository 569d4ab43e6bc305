package io.stormwatch.detector.rules.mailhiding;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.rules.ChangeIncident;
import io.stormwatch.detector.rules.InboxRuleChange;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Inbox rules that hide mail from the mailbox's owner (ATT&amp;CK T1564.008): the rule deletes what
 * it matches or moves it where the owner does not look, and shows a sign of an intruder's rule.
 * Hiding alone is what many people's own rules do (deleting a shop's promotions); the signs are
 * what business e-mail compromise rules have that those do not: a condition on the security notices
 * or the payment conversation to keep from the owner, a throwaway name ({@code .}, one letter),
 * marking the hidden mail read, or hiding every message.
 */
public final class MailHidingRule implements AccountRule<MailHidingState> {

  private static final List<String> EVIDENCE =
      List.of(
          "Name",
          "Mailbox",
          "MoveToFolder",
          "DeleteMessage",
          "SoftDeleteMessage",
          "MarkAsRead",
          "From",
          "SubjectContainsWords",
          "SubjectOrBodyContainsWords",
          "BodyContainsWords",
          "RuleCondition");

  private final MailHidingSettings settings;

  public MailHidingRule(MailHidingSettings settings) {
    this.settings = settings;
  }

  @Override
  public RuleDescriptor descriptor() {
    return MailHiding.DESCRIPTOR;
  }

  @Override
  public MailHidingState newState() {
    return new MailHidingState();
  }

  @Override
  public boolean isEmpty(MailHidingState state) {
    return !state.incident.isOpen();
  }

  @Override
  public StateCodec<MailHidingState> codec() {
    return MailHidingState.CODEC;
  }

  /** Where a rule hides mail and the intruder's signs it shows. */
  private record Hiding(String where, List<String> signs) {}

  @Override
  public List<Alert> evaluate(MailHidingState state, AuditEvent event) {
    Optional<InboxRuleChange> rule = InboxRuleChange.of(event);
    if (rule.isEmpty()) {
      return List.of();
    }
    long time = event.getEventTime().toEpochMilli();
    state.incident.closeIfQuietSince(time, settings.incidentQuiet().toMillis());
    if (!state.incident.isOpen()) {
      state.mostSigns = 0;
    }
    Optional<Hiding> hiding = hiding(rule.get());
    if (hiding.isEmpty() || hiding.get().signs().isEmpty()) {
      return List.of();
    }
    List<String> settingsMade =
        rule.get().describe(EVIDENCE).stream().map(s -> event.getOperation() + " " + s).toList();
    state.incident.add(event, List.of(), settingsMade);
    int before = state.mostSigns;
    state.mostSigns = Math.max(state.mostSigns, hiding.get().signs().size());
    if (!state.incident.newRevision(severity(state.mostSigns) != severity(before))) {
      return List.of();
    }
    return List.of(alert(state, event, rule.get(), hiding.get()));
  }

  private Optional<Hiding> hiding(InboxRuleChange rule) {
    String where;
    Optional<String> folder = rule.moveToFolder();
    if (rule.deletes()) {
      where = "deletes";
    } else if (folder.isPresent()
        && settings.hiddenFolders().contains(folder.get().toLowerCase(Locale.ROOT))) {
      where = "moves to " + folder.get();
    } else {
      return Optional.empty();
    }
    List<String> signs = new ArrayList<>();
    List<String> words = sensitiveWords(rule);
    if (!words.isEmpty()) {
      signs.add("mail about " + String.join(", ", words));
    }
    if (meaningless(rule.name())) {
      signs.add(rule.name().isEmpty() ? "no name" : "the name \"" + rule.name() + "\"");
    }
    if (rule.marksAsRead()) {
      signs.add("marked read");
    }
    if (rule.actsOnEveryMessage()) {
      signs.add("every message");
    }
    return Optional.of(new Hiding(where, signs));
  }

  private List<String> sensitiveWords(InboxRuleChange rule) {
    String condition = rule.conditionText();
    return settings.sensitiveWords().stream().filter(condition::contains).toList();
  }

  /** A name nobody would give a rule they want to find again: empty, one or two characters. */
  private static boolean meaningless(String name) {
    return name.codePointCount(0, name.length()) <= 2
        || name.codePoints().noneMatch(Character::isLetterOrDigit);
  }

  private static Severity severity(int signs) {
    return signs >= 2 ? Severity.HIGH : Severity.MEDIUM;
  }

  private Alert alert(
      MailHidingState state, AuditEvent event, InboxRuleChange rule, Hiding hiding) {
    ChangeIncident incident = state.incident;
    String summary =
        String.format(
            Locale.ROOT,
            "%s set inbox rule \"%s\"%s that %s mail (%s) from %s",
            event.getAccountId(),
            rule.name(),
            rule.mailbox().map(m -> " on mailbox " + m).orElse(""),
            hiding.where(),
            String.join("; ", hiding.signs()),
            incident.origin());
    return Alerts.revision(
        MailHiding.DESCRIPTOR,
        AlertIds.of(
            MailHiding.DESCRIPTOR.id(),
            event.getTenantId(),
            event.getAccountId(),
            "hiding@" + incident.start()),
        incident.revision(),
        severity(state.mostSigns),
        Math.min(0.9, 0.5 + 0.15 * state.mostSigns),
        event.getTenantId(),
        event.getAccountId(),
        incident.firstEvent(),
        incident.lastEvent(),
        summary,
        incident.evidence().build());
  }
}
