package io.stormwatch.detector.rules;

import io.stormwatch.formats.common.MailAddresses;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an inbox-rule event ({@link EventKind#INBOX_RULE}) sets, in the terms of {@code
 * New-InboxRule}'s parameters: the normaliser gives Outlook's {@code UpdateInboxRules} records the
 * same parameters (see the {@code parameters} field of {@link AuditEvent}).
 *
 * <p>Values are read as Exchange records them: booleans as {@code True}/{@code False} text,
 * recipients as addresses, names or both, folders as {@code Mailbox:\Folder\Subfolder} or a bare
 * name.
 */
public final class InboxRuleChange {

  /** Parameters that send a copy (or the message itself) to other recipients. */
  public static final List<String> FORWARDING_PARAMETERS =
      List.of("ForwardTo", "ForwardAsAttachmentTo", "RedirectTo");

  /** Parameters that limit which messages a rule acts on; a rule with none acts on every one. */
  private static final List<String> CONDITION_PARAMETERS =
      List.of(
          "From",
          "FromAddressContainsWords",
          "SubjectContainsWords",
          "SubjectOrBodyContainsWords",
          "BodyContainsWords",
          "HeaderContainsWords",
          "RecipientAddressContainsWords",
          "SentTo",
          "HasAttachment",
          "HasClassification",
          "FlaggedForAction",
          "FromSubscription",
          "MessageTypeMatches",
          "MyNameInCcBox",
          "MyNameInToBox",
          "MyNameInToOrCcBox",
          "MyNameNotInToBox",
          "SentOnlyToMe",
          "WithImportance",
          "WithSensitivity",
          "WithinSizeRangeMaximum",
          "WithinSizeRangeMinimum",
          "ReceivedAfterDate",
          "ReceivedBeforeDate",
          "RuleCondition");

  /** Parameters whose words decide which messages a rule acts on. */
  private static final List<String> WORD_PARAMETERS =
      List.of(
          "SubjectContainsWords",
          "SubjectOrBodyContainsWords",
          "BodyContainsWords",
          "FromAddressContainsWords",
          "HeaderContainsWords",
          "RuleCondition");

  private final AuditEvent event;
  private final Map<String, String> parameters;

  private InboxRuleChange(AuditEvent event) {
    this.event = event;
    this.parameters = event.getParameters();
  }

  /**
   * The rule an event creates or changes; empty unless it is an inbox-rule event whose rule can be
   * read. An Outlook {@code RemoveMailboxRule} removes a rule; a {@code ModifyMailboxRule} record
   * carries no rule at all ({@link #unreadableOutlookChange}).
   */
  public static Optional<InboxRuleChange> of(AuditEvent event) {
    if (event.getKind() != EventKind.INBOX_RULE || unreadableOutlookChange(event)) {
      return Optional.empty();
    }
    String outlookOperation = event.getParameters().get("RuleOperation");
    if (outlookOperation != null && !"AddMailboxRule".equalsIgnoreCase(outlookOperation)) {
      return Optional.empty();
    }
    return Optional.of(new InboxRuleChange(event));
  }

  /**
   * Whether the event is an Outlook change of an existing rule, for which Exchange records only the
   * rule's id: what it changed cannot be judged.
   */
  public static boolean unreadableOutlookChange(AuditEvent event) {
    return event.getKind() == EventKind.INBOX_RULE
        && "ModifyMailboxRule".equalsIgnoreCase(event.getParameters().get("RuleOperation"));
  }

  /** The rule's name as given, or empty text. */
  public String name() {
    return parameters.getOrDefault("Name", "").strip();
  }

  /** The mailbox the rule is on, when the cmdlet names another one than the actor's. */
  public Optional<String> mailbox() {
    return Optional.ofNullable(blankToNull(parameters.get("Mailbox")));
  }

  /** Every address the rule forwards or redirects to, lower case, sorted. */
  public Set<String> forwardingAddresses() {
    Set<String> all = new TreeSet<>();
    for (String parameter : FORWARDING_PARAMETERS) {
      all.addAll(MailAddresses.in(parameters.get(parameter)));
    }
    return all;
  }

  /** Whether the rule redirects: the recipients get the message and the mailbox keeps no copy. */
  public boolean redirects() {
    return !MailAddresses.in(parameters.get("RedirectTo")).isEmpty();
  }

  /** Whether the rule deletes the messages it matches. */
  public boolean deletes() {
    return isTrue("DeleteMessage") || isTrue("SoftDeleteMessage");
  }

  public boolean marksAsRead() {
    return isTrue("MarkAsRead");
  }

  /** The last folder of the rule's MoveToFolder ({@code RSS Subscriptions}), if it moves. */
  public Optional<String> moveToFolder() {
    String folder = blankToNull(parameters.get("MoveToFolder"));
    if (folder == null) {
      return Optional.empty();
    }
    int cut = Math.max(folder.lastIndexOf('\\'), folder.lastIndexOf(':'));
    return Optional.ofNullable(blankToNull(folder.substring(cut + 1)));
  }

  /**
   * Whether the rule acts on every message: it has no condition. For an Outlook rule, a condition
   * of {@code {}} or none.
   */
  public boolean actsOnEveryMessage() {
    for (String parameter : CONDITION_PARAMETERS) {
      String value = blankToNull(parameters.get(parameter));
      if (value != null && !value.equals("{}") && !value.equalsIgnoreCase("False")) {
        return false;
      }
    }
    return true;
  }

  /** The words and restriction text deciding which messages the rule acts on, lower case. */
  public String conditionText() {
    StringBuilder text = new StringBuilder();
    for (String parameter : WORD_PARAMETERS) {
      String value = parameters.get(parameter);
      if (value != null) {
        text.append(value.toLowerCase(Locale.ROOT)).append('\n');
      }
    }
    return text.toString();
  }

  /** {@code Name=Value} of the parameters an analyst reads first, for an alert's evidence. */
  public List<String> describe(List<String> names) {
    return names.stream()
        .filter(n -> blankToNull(parameters.get(n)) != null)
        .map(n -> n + "=" + parameters.get(n).strip())
        .toList();
  }

  public AuditEvent event() {
    return event;
  }

  private boolean isTrue(String parameter) {
    String value = parameters.get(parameter);
    return value != null && value.strip().equalsIgnoreCase("True");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
