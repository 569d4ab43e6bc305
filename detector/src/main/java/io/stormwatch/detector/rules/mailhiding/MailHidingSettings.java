package io.stormwatch.detector.rules.mailhiding;

import io.stormwatch.detector.config.types.DurationValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parameters of the mail-hiding-rule rule, and the settings they are read from (under {@code
 * rule.mail-hiding-rule.}).
 *
 * @param hiddenFolders folders, lower case, a rule hides mail in when it moves it there
 * @param sensitiveWords words, lower case, that make a rule's condition one an intruder writes
 * @param incidentQuiet an account's incident closes after this long without another hiding rule
 */
public record MailHidingSettings(
    Set<String> hiddenFolders, List<String> sensitiveWords, Duration incidentQuiet) {

  public static final String HIDDEN_FOLDERS = "hidden.folders";
  public static final String SENSITIVE_WORDS = "sensitive.words";
  public static final String INCIDENT_QUIET = "incident.quiet";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              HIDDEN_FOLDERS,
              Type.LIST,
              "RSS Subscriptions,RSS Feeds,Conversation History,Junk Email,Deleted Items,"
                  + "Sync Issues,Notes",
              Importance.MEDIUM,
              "Folders an owner does not read: a rule moving mail into one hides it, as deleting"
                  + " does. Matched with the last folder of MoveToFolder, in any case. Archive is"
                  + " not one by default: people file mail there themselves.")
          .define(
              SENSITIVE_WORDS,
              Type.LIST,
              "hack,phish,compromis,suspicious,fraud,scam,malware,virus,unusual,invoice,payment,"
                  + "wire,transfer,bank,remittance,helpdesk,security",
              Importance.MEDIUM,
              "Words (matched as parts of words, in any case) that make a hiding rule's condition"
                  + " an intruder's: security notices and replies about payments are what business"
                  + " e-mail compromise hides from the owner.")
          .define(
              INCIDENT_QUIET,
              Type.STRING,
              "24h",
              DurationValue.between(Duration.ofMinutes(1), Duration.ofDays(30)),
              Importance.LOW,
              "An account's incident closes after this long without another hiding rule.");

  /** The rule's settings, keys relative to {@code rule.mail-hiding-rule.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static MailHidingSettings from(AbstractConfig config) {
    return new MailHidingSettings(
        Set.copyOf(lowerCase(config.getList(HIDDEN_FOLDERS))),
        lowerCase(config.getList(SENSITIVE_WORDS)),
        DurationValue.parse(config.getString(INCIDENT_QUIET)));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static MailHidingSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }

  private static List<String> lowerCase(List<String> values) {
    return values.stream()
        .map(v -> v.trim().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty())
        .distinct()
        .collect(Collectors.toUnmodifiableList());
  }
}
