package io.stormwatch.detector.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Which settings are secrets, and how their values are kept out of what Stormwatch prints, logs and
 * throws.
 *
 * <p>A key is secret when Kafka's producer, consumer, admin or Streams configuration, or
 * Stormwatch's own, types it {@code PASSWORD}, under any prefix ({@code kafka.ssl.key.password},
 * {@code kafka.producer.sasl.jaas.config}); or when its name says so: one of its words (split at
 * {@code . _ -}) is password, passwd, passphrase, secret or jaas, or its last word is token,
 * credential(s) or apikey, or it ends in user.info / userinfo (basic-auth {@code user:password}). A
 * hyphenated rule id such as {@code rule.token-replay.window} therefore names a setting, while
 * {@code schema.registry.bearer.auth.token} names a secret.
 *
 * <p>{@link #shown} is for printing one setting; {@link #of} collects the secret values of a set of
 * settings (and the password options inside a JAAS configuration) so that {@link #scrub} can take
 * them out of any text, such as an exception message that quotes a value.
 */
public final class Redaction {

  /** What is shown in place of a secret: the same marker Kafka logs for its passwords. */
  public static final String HIDDEN = Password.HIDDEN;

  private static final Set<String> PASSWORD_TYPED = passwordTypedKeys();
  private static final Set<String> SECRET_WORDS =
      Set.of("password", "passwd", "passphrase", "secret", "jaas");
  private static final Set<String> SECRET_LAST_WORDS =
      Set.of("token", "credential", "credentials", "apikey", "userinfo");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[._-]+");

  /** An option of a JAAS configuration: {@code name="value"} or {@code name=value}. */
  private static final Pattern JAAS_OPTION =
      Pattern.compile("([A-Za-z0-9_.-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s;\"]+))");

  private final List<String> secretValues;

  private Redaction(List<String> secretValues) {
    this.secretValues = secretValues;
  }

  /** Whether {@code key} holds a secret; see the class documentation for the rule. */
  public static boolean isSecret(String key) {
    String[] words = WORD_SEPARATORS.split(key.toLowerCase(Locale.ROOT));
    if (words.length == 0) {
      return false;
    }
    String last = words[words.length - 1];
    if (SECRET_LAST_WORDS.contains(last)
        || (last.equals("info") && words.length > 1 && words[words.length - 2].equals("user"))) {
      return true;
    }
    for (String word : words) {
      if (SECRET_WORDS.contains(word)) {
        return true;
      }
    }
    String[] dotted = key.split("\\.");
    for (int start = 0; start < dotted.length; start++) {
      if (PASSWORD_TYPED.contains(
          String.join(".", List.of(dotted).subList(start, dotted.length)))) {
        return true;
      }
    }
    return false;
  }

  /** The value as it may be printed: {@link #HIDDEN} for a secret key, the value otherwise. */
  public static String shown(String key, Object value) {
    return isSecret(key) ? HIDDEN : String.valueOf(value);
  }

  /** The secret values among {@code settings}, to {@link #scrub} from text. */
  public static Redaction of(Map<String, ?> settings) {
    Set<String> values = new HashSet<>();
    settings.forEach(
        (key, value) -> {
          if (value != null && isSecret(key)) {
            String text = value instanceof Password password ? password.value() : value.toString();
            values.add(text);
            values.addAll(jaasSecrets(text));
          }
        });
    values.removeIf(String::isEmpty);
    List<String> longestFirst = new ArrayList<>(values);
    // A whole JAAS configuration goes before the password inside it.
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    return new Redaction(List.copyOf(longestFirst));
  }

  /** {@code text} with every secret value replaced by {@link #HIDDEN}; null stays null. */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String scrubbed = text;
    for (String secret : secretValues) {
      scrubbed = scrubbed.replace(secret, HIDDEN);
    }
    return scrubbed;
  }

  /**
   * {@code e} itself if its message holds no secret value, otherwise an exception with the same
   * message scrubbed (and no cause, which may quote the value too).
   */
  public ConfigException scrub(ConfigException e) {
    String message = e.getMessage();
    String scrubbed = scrub(message);
    return scrubbed.equals(message) ? e : new ConfigException(scrubbed);
  }

  private static List<String> jaasSecrets(String text) {
    List<String> secrets = new ArrayList<>();
    Matcher option = JAAS_OPTION.matcher(text);
    while (option.find()) {
      if (isSecret(option.group(1))) {
        String quoted = option.group(2);
        secrets.add(quoted != null ? quoted : option.group(3));
      }
    }
    return secrets;
  }

  private static Set<String> passwordTypedKeys() {
    Set<String> keys = new HashSet<>();
    Stream.of(
            ProducerConfig.configDef(),
            ConsumerConfig.configDef(),
            AdminClientConfig.configDef(),
            StreamsConfig.configDef(),
            StormwatchConfig.definition())
        .flatMap(definition -> definition.configKeys().values().stream())
        .filter(key -> key.type == ConfigDef.Type.PASSWORD)
        .forEach(key -> keys.add(key.name));
    return Set.copyOf(keys);
  }
}
