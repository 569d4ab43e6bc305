package io.stormwatch.formats.ual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.MailAddresses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An {@code UpdateInboxRules} record's rule, in the terms of the {@code New-InboxRule} parameters
 * the cmdlet records carry, so that a rule made in Outlook and one made in Outlook on the web or
 * PowerShell are judged alike.
 *
 * <p>Outlook for Windows changes rules over MAPI (and EWS clients through {@code
 * UpdateInboxRules}); Exchange then writes an ExchangeItem record (RecordType 2) whose {@code
 * OperationProperties} hold {@code RuleOperation} ({@code AddMailboxRule}, {@code
 * ModifyMailboxRule}, {@code RemoveMailboxRule}), {@code RuleName}, {@code RuleId}, {@code
 * RuleState}, {@code RuleProvider}, {@code RuleCondition} (a MAPI restriction as text) and {@code
 * RuleActions} (JSON in a string: {@code
 * [{"ActionType":"Move","DestinationFolderId":"...","FolderIsInThisStore":"True"}]}). Exchange
 * fills the rule only for {@code AddMailboxRule}: a {@code ModifyMailboxRule} record carries the
 * rule id, an empty name, {@code RuleCondition} {@code {}} and {@code RuleActions} {@code []} —
 * what the change did cannot be read from it. A move names the destination folder by id only, so
 * its name is unknown. EWS clients write {@code Actions}/{@code ServerRule} instead (action names
 * such as {@code ForwardToRecipientsAction}); both are read.
 *
 * <p>The recipients of a forward are not documented in either layout; every e-mail address inside a
 * forwarding action is taken, with or without an {@code SMTP:} prefix.
 */
final class OutlookRuleChange {

  /** The derived parameter a forwarding rule's recipients go to, by how it forwards. */
  static final String FORWARD_TO = "ForwardTo";

  static final String REDIRECT_TO = "RedirectTo";
  static final String FORWARD_AS_ATTACHMENT_TO = "ForwardAsAttachmentTo";
  static final String DELETE_MESSAGE = "DeleteMessage";
  static final String MARK_AS_READ = "MarkAsRead";

  private static final List<String> ACTION_FIELDS = List.of("RuleActions", "Actions", "ServerRule");

  private OutlookRuleChange() {}

  /**
   * The record's properties, with the {@code New-InboxRule} parameters its actions amount to added
   * under their cmdlet names ({@code Name} from {@code RuleName}), where the record does not carry
   * a property of that name itself.
   *
   * @param properties the record's {@code OperationProperties} by name
   * @param json the mapper used to read the JSON held in {@code RuleActions}
   */
  static Map<String, String> withCmdletParameters(
      Map<String, String> properties, ObjectMapper json) {
    Map<String, String> derived = new LinkedHashMap<>();
    String ruleName = properties.getOrDefault("RuleName", properties.get("Name"));
    if (ruleName != null) {
      derived.put("Name", ruleName);
    }
    for (String field : ACTION_FIELDS) {
      String actions = properties.get(field);
      if (actions != null && !actions.isBlank()) {
        readActions(actions, json, derived);
      }
    }
    Map<String, String> all = new LinkedHashMap<>(properties);
    derived.forEach(all::putIfAbsent);
    return all;
  }

  private static void readActions(String text, ObjectMapper json, Map<String, String> derived) {
    JsonNode actions;
    try {
      actions = json.readTree(text);
    } catch (JsonProcessingException notJson) {
      // Not JSON (a client that writes prose): classify the text as one action.
      classify(text, addresses(text), derived);
      return;
    }
    if (actions == null) {
      return;
    }
    for (JsonNode action : actionObjects(actions)) {
      Set<String> recipients = new LinkedHashSet<>();
      collectAddresses(action, recipients);
      classify(actionType(action), recipients, derived);
    }
  }

  /** The objects that stand for one action: the elements of the list, or of an Actions list. */
  private static List<JsonNode> actionObjects(JsonNode actions) {
    List<JsonNode> found = new ArrayList<>();
    if (actions.isArray()) {
      actions.forEach(found::add);
    } else if (actions.isObject()) {
      JsonNode nested = actions.get("Actions");
      if (nested != null && nested.isArray()) {
        nested.forEach(found::add);
      } else {
        found.add(actions);
      }
    }
    return found;
  }

  /** ActionType, or any value naming an action ({@code ForwardToRecipientsAction}). */
  private static String actionType(JsonNode action) {
    if (action.isTextual()) {
      return action.textValue();
    }
    StringBuilder type = new StringBuilder();
    action
        .fields()
        .forEachRemaining(
            field -> {
              String key = field.getKey().toLowerCase(Locale.ROOT);
              JsonNode value = field.getValue();
              if (value.isTextual()
                  && (key.endsWith("type") || value.textValue().endsWith("Action"))) {
                type.append(value.textValue()).append(' ');
              }
            });
    return type.toString();
  }

  private static void classify(String type, Set<String> recipients, Map<String, String> derived) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.contains("redirect")) {
      addRecipients(derived, REDIRECT_TO, recipients);
    } else if (t.contains("forward") && t.contains("attachment")) {
      addRecipients(derived, FORWARD_AS_ATTACHMENT_TO, recipients);
    } else if (t.contains("forward")) {
      addRecipients(derived, FORWARD_TO, recipients);
    } else if (t.contains("delete")) {
      derived.put(DELETE_MESSAGE, "True");
    } else if (t.contains("markasread") || t.contains("mark as read")) {
      derived.put(MARK_AS_READ, "True");
    }
    // A move names its destination by folder id alone: which folder is not known, so no
    // MoveToFolder is derived.
  }

  private static void addRecipients(
      Map<String, String> derived, String parameter, Set<String> recipients) {
    Set<String> all = new LinkedHashSet<>();
    String existing = derived.get(parameter);
    if (existing != null && !existing.isEmpty()) {
      all.addAll(List.of(existing.split(";")));
    }
    all.addAll(recipients);
    derived.put(parameter, String.join(";", all));
  }

  private static void collectAddresses(JsonNode node, Set<String> into) {
    if (node.isTextual()) {
      into.addAll(addresses(node.textValue()));
    } else if (node.isContainerNode()) {
      node.forEach(child -> collectAddresses(child, into));
    }
  }

  private static Set<String> addresses(String text) {
    return MailAddresses.in(text);
  }
}
