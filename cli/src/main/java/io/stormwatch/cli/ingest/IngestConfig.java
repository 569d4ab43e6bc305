package io.stormwatch.cli.ingest;

import io.stormwatch.detector.config.ConfigSources;
import io.stormwatch.detector.config.Redaction;
import io.stormwatch.detector.config.types.DurationValue;
import io.stormwatch.ingest.auth.CertificateFiles;
import io.stormwatch.ingest.auth.ClientCredential;
import io.stormwatch.ingest.auth.ClientCredential.ClientSecret;
import io.stormwatch.ingest.eventhub.EventHubConnection;
import io.stormwatch.ingest.eventhub.EventHubSettings;
import io.stormwatch.ingest.http.RetryPolicy;
import io.stormwatch.ingest.o365.ContentTypes;
import io.stormwatch.ingest.o365.MicrosoftCloud;
import io.stormwatch.ingest.o365.O365Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings of {@code stormwatch ingest}, all under {@value #PREFIX}: one typed, validated
 * object like the detector's, read from the same sources (a YAML file, {@code STORMWATCH_INGEST_*}
 * environment variables, {@code --set}). Secrets are {@link Type#PASSWORD} values, shown as {@code
 * [hidden]} wherever settings are printed.
 *
 * <p>Keys under {@value #EVENTHUB_KAFKA_PREFIX} go to the Event Hubs source consumer unchanged.
 */
public final class IngestConfig {

  public static final String PREFIX = "ingest.";

  public static final String CHECKPOINT_TOPIC = "ingest.checkpoint.topic";

  public static final String O365_TENANTS = "ingest.o365.tenants";
  public static final String O365_CLIENT_ID = "ingest.o365.client.id";
  public static final String O365_CLIENT_SECRET = "ingest.o365.client.secret";
  public static final String O365_CLIENT_CERTIFICATE = "ingest.o365.client.certificate";
  public static final String O365_CLIENT_CERTIFICATE_PASSWORD =
      "ingest.o365.client.certificate.password";
  public static final String O365_CONTENT_TYPES = "ingest.o365.content.types";
  public static final String O365_CLOUD = "ingest.o365.cloud";
  public static final String O365_API_ROOT = "ingest.o365.api.root";
  public static final String O365_LOGIN_AUTHORITY = "ingest.o365.login.authority";
  public static final String O365_PUBLISHER_ID = "ingest.o365.publisher.id";
  public static final String O365_POLL_INTERVAL = "ingest.o365.poll.interval";
  public static final String O365_START_LOOKBACK = "ingest.o365.start.lookback";
  public static final String O365_RELIST_OVERLAP = "ingest.o365.relist.overlap";
  public static final String O365_MAX_RETRIES = "ingest.o365.max.retries";
  public static final String O365_RETRY_BACKOFF = "ingest.o365.retry.backoff";
  public static final String O365_RETRY_BACKOFF_MAX = "ingest.o365.retry.backoff.max";
  public static final String O365_REQUEST_TIMEOUT = "ingest.o365.request.timeout";
  public static final String O365_TRANSACTIONAL_ID = "ingest.o365.transactional.id";

  public static final String EVENTHUB_CONNECTION_STRING = "ingest.eventhub.connection.string";
  public static final String EVENTHUB_BOOTSTRAP_SERVERS = "ingest.eventhub.bootstrap.servers";
  public static final String EVENTHUB_NAME = "ingest.eventhub.name";
  public static final String EVENTHUB_CONSUMER_GROUP = "ingest.eventhub.consumer.group";
  public static final String EVENTHUB_START = "ingest.eventhub.start";
  public static final String EVENTHUB_CATEGORIES = "ingest.eventhub.categories";
  public static final String EVENTHUB_TRANSACTIONAL_ID = "ingest.eventhub.transactional.id";
  public static final String EVENTHUB_KAFKA_PREFIX = "ingest.eventhub.kafka.";

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final ConfigDef DEFINITION = buildDefinition();

  private final AbstractConfig values;
  private final Map<String, Object> eventHubClientOverrides;

  private IngestConfig(AbstractConfig values, Map<String, Object> eventHubClientOverrides) {
    this.values = values;
    this.eventHubClientOverrides = Map.copyOf(eventHubClientOverrides);
  }

  /**
   * Validates {@code settings}, every key of which starts with {@value #PREFIX}; unknown keys are
   * errors, so that a typo does not fall back to a default.
   *
   * @throws ConfigException naming the first bad key and what it allows
   */
  public static IngestConfig from(Map<String, ?> settings) {
    try {
      return validated(settings);
    } catch (ConfigException e) {
      throw Redaction.of(settings).scrub(e);
    }
  }

  private static IngestConfig validated(Map<String, ?> settings) {
    Map<String, Object> own = new HashMap<>();
    Map<String, Object> eventHubClient = new LinkedHashMap<>();
    settings.forEach(
        (key, value) -> {
          if (key.startsWith(EVENTHUB_KAFKA_PREFIX)) {
            eventHubClient.put(key.substring(EVENTHUB_KAFKA_PREFIX.length()), value);
          } else if (DEFINITION.names().contains(key)) {
            own.put(key, value);
          } else {
            // The value of an unknown key is not shown: nothing says whether it is a secret.
            throw new ConfigException(
                key + ": unknown setting; see 'stormwatch ingest --print-defaults'");
          }
        });
    return new IngestConfig(new AbstractConfig(DEFINITION, own, false), eventHubClient);
  }

  /** The definition of every key, for documentation. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** Every key at its default, as a YAML file to start from. */
  public static Map<String, String> defaultValues() {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (ConfigDef.ConfigKey key : DEFINITION.configKeys().values()) {
      Object value = key.defaultValue;
      defaults.put(
          key.name,
          value == null
              ? ""
              : value instanceof List<?> list
                  ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                  : String.valueOf(value));
    }
    return defaults;
  }

  /**
   * Settings from environment variables named after the keys ({@code ingest.o365.tenants} from
   * {@code STORMWATCH_INGEST_O365_TENANTS}); {@code
   * STORMWATCH_INGEST_EVENTHUB_KAFKA_SASL_MECHANISM} sets {@code
   * ingest.eventhub.kafka.sasl.mechanism}.
   */
  public static Map<String, Object> fromEnvironment(Map<String, String> environment) {
    Map<String, String> keyByVariable = new HashMap<>();
    for (String key : DEFINITION.names()) {
      keyByVariable.put(ConfigSources.variableOf(key), key);
    }
    String clientPrefix = ConfigSources.variableOf(EVENTHUB_KAFKA_PREFIX);
    Map<String, Object> settings = new LinkedHashMap<>();
    environment.forEach(
        (variable, value) -> {
          String key = keyByVariable.get(variable);
          if (key != null) {
            settings.put(key, value);
          } else if (variable.startsWith(clientPrefix)) {
            settings.put(
                EVENTHUB_KAFKA_PREFIX
                    + variable
                        .substring(clientPrefix.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '.'),
                value);
          }
        });
    return settings;
  }

  public String checkpointTopic() {
    return values.getString(CHECKPOINT_TOPIC);
  }

  public String o365TransactionalId() {
    return values.getString(O365_TRANSACTIONAL_ID);
  }

  public String eventHubTransactionalId() {
    return values.getString(EVENTHUB_TRANSACTIONAL_ID);
  }

  /**
   * What {@code ingest o365} polls, checked as a whole: tenants and client id are GUIDs, exactly
   * one of secret and certificate is given, and the certificate file can be read.
   *
   * @throws ConfigException naming the key to fix (never a secret's value)
   */
  public O365Settings o365() {
    List<String> tenants = list(O365_TENANTS);
    if (tenants.isEmpty()) {
      throw new ConfigException(
          O365_TENANTS, "", "name at least one tenant id (GUID) whose audit logs to poll");
    }
    tenants.forEach(t -> requireGuid(O365_TENANTS, t));
    String clientId = values.getString(O365_CLIENT_ID).trim();
    if (clientId.isEmpty()) {
      throw new ConfigException(
          O365_CLIENT_ID, "", "the application (client) id of the app registration is needed");
    }
    requireGuid(O365_CLIENT_ID, clientId);
    MicrosoftCloud cloud = MicrosoftCloud.byId(values.getString(O365_CLOUD));
    Optional<String> publisher = text(O365_PUBLISHER_ID);
    publisher.ifPresent(p -> requireGuid(O365_PUBLISHER_ID, p));
    return new O365Settings(
        tenants.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
        List.copyOf(new LinkedHashSet<>(list(O365_CONTENT_TYPES))),
        clientId,
        credential(),
        text(O365_API_ROOT).map(u -> uri(O365_API_ROOT, u)).orElse(cloud.apiRoot()),
        text(O365_LOGIN_AUTHORITY)
            .map(u -> uri(O365_LOGIN_AUTHORITY, u))
            .orElse(cloud.loginAuthority()),
        cloud.apiRoot().toString(),
        publisher,
        duration(O365_POLL_INTERVAL),
        duration(O365_START_LOOKBACK),
        duration(O365_RELIST_OVERLAP),
        retryPolicy(),
        duration(O365_REQUEST_TIMEOUT));
  }

  /**
   * Where {@code ingest eventhub} reads: the connection string gives the bootstrap servers and, for
   * a hub-level policy, the hub; either can be set explicitly instead.
   *
   * @throws ConfigException naming the key to fix (never the connection string)
   */
  public EventHubSettings eventHub() {
    Optional<EventHubConnection> connection = Optional.empty();
    Password secret = values.getPassword(EVENTHUB_CONNECTION_STRING);
    if (secret != null && !secret.value().isBlank()) {
      try {
        connection = Optional.of(EventHubConnection.parse(secret.value()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(EVENTHUB_CONNECTION_STRING, "[hidden]", e.getMessage());
      }
    }
    Optional<EventHubConnection> scoped = connection;
    String bootstrap =
        text(EVENTHUB_BOOTSTRAP_SERVERS)
            .or(() -> scoped.map(EventHubConnection::bootstrapServers))
            .orElseThrow(
                () ->
                    new ConfigException(
                        EVENTHUB_CONNECTION_STRING,
                        "",
                        "set the Event Hubs namespace's connection string (or "
                            + EVENTHUB_BOOTSTRAP_SERVERS
                            + " for a source that needs none)"));
    String hub =
        text(EVENTHUB_NAME)
            .or(() -> scoped.flatMap(EventHubConnection::entityPath))
            .orElseThrow(
                () ->
                    new ConfigException(
                        EVENTHUB_NAME,
                        "",
                        "name the event hub the diagnostic settings stream to (e.g."
                            + " insights-logs-signinlogs), or use a connection string with"
                            + " EntityPath"));
    return new EventHubSettings(
        connection,
        bootstrap,
        hub,
        values.getString(EVENTHUB_CONSUMER_GROUP),
        "earliest".equals(values.getString(EVENTHUB_START)),
        Set.copyOf(list(EVENTHUB_CATEGORIES)),
        eventHubClientOverrides);
  }

  /** Every key with its effective value, secrets as {@code [hidden]}, for printing. */
  public Map<String, String> effectiveValues() {
    Map<String, String> out = new LinkedHashMap<>();
    for (ConfigDef.ConfigKey key : DEFINITION.configKeys().values()) {
      Object value = values.values().get(key.name);
      out.put(
          key.name,
          value == null
              ? ""
              : value instanceof List<?> list
                  ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                  : String.valueOf(value));
    }
    return out;
  }

  private ClientCredential credential() {
    Password secret = values.getPassword(O365_CLIENT_SECRET);
    Optional<String> certificate = text(O365_CLIENT_CERTIFICATE);
    boolean hasSecret = secret != null && !secret.value().isBlank();
    if (hasSecret == certificate.isPresent()) {
      throw new ConfigException(
          hasSecret ? O365_CLIENT_CERTIFICATE : O365_CLIENT_SECRET,
          hasSecret ? certificate.get() : "",
          "set exactly one of "
              + O365_CLIENT_SECRET
              + " and "
              + O365_CLIENT_CERTIFICATE
              + " (a PEM or PKCS#12 file)");
    }
    if (hasSecret) {
      return new ClientSecret(secret.value());
    }
    Password password = values.getPassword(O365_CLIENT_CERTIFICATE_PASSWORD);
    try {
      return CertificateFiles.load(
          Path.of(certificate.get()),
          password == null ? new char[0] : password.value().toCharArray());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(O365_CLIENT_CERTIFICATE, certificate.get(), e.getMessage());
    }
  }

  private RetryPolicy retryPolicy() {
    Duration initial = duration(O365_RETRY_BACKOFF);
    Duration max = duration(O365_RETRY_BACKOFF_MAX);
    if (max.compareTo(initial) < 0) {
      throw new ConfigException(
          O365_RETRY_BACKOFF_MAX,
          values.getString(O365_RETRY_BACKOFF_MAX),
          "must not be shorter than " + O365_RETRY_BACKOFF);
    }
    return new RetryPolicy(values.getInt(O365_MAX_RETRIES), initial, max);
  }

  private List<String> list(String key) {
    return values.getList(key).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private Optional<String> text(String key) {
    return Optional.ofNullable(values.getString(key)).map(String::trim).filter(s -> !s.isEmpty());
  }

  private Duration duration(String key) {
    return DurationValue.parse(values.getString(key));
  }

  private static void requireGuid(String key, String value) {
    if (!GUID.matcher(value).matches()) {
      throw new ConfigException(
          key, value, "not a GUID (e.g. 41463f53-8812-40f4-890f-865bf6e35190)");
    }
  }

  private static URI uri(String key, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, value, "not an absolute URL: " + e.getMessage());
    }
  }

  private static ConfigDef buildDefinition() {
    return new ConfigDef()
        .define(
            CHECKPOINT_TOPIC,
            Type.STRING,
            "stormwatch.ingest.checkpoints",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Compacted topic holding how far every source has been read, written in the same"
                + " transaction as the records.")
        .define(
            O365_TENANTS,
            Type.LIST,
            "",
            Importance.HIGH,
            "Tenant ids (GUIDs) whose Unified Audit Log 'ingest o365' polls; each must have"
                + " consented to the application.")
        .define(
            O365_CLIENT_ID,
            Type.STRING,
            "",
            Importance.HIGH,
            "Application (client) id of the app registration with the Office 365 Management APIs"
                + " permission ActivityFeed.Read.")
        .define(
            O365_CLIENT_SECRET,
            Type.PASSWORD,
            null,
            Importance.HIGH,
            "Client secret of the application; or use " + O365_CLIENT_CERTIFICATE + ".")
        .define(
            O365_CLIENT_CERTIFICATE,
            Type.STRING,
            "",
            Importance.HIGH,
            "Certificate of the application with its private key: a PKCS#12 file (.pfx/.p12) or a"
                + " PEM file with the certificate and an unencrypted PKCS#8 key.")
        .define(
            O365_CLIENT_CERTIFICATE_PASSWORD,
            Type.PASSWORD,
            null,
            Importance.MEDIUM,
            "Password of the PKCS#12 certificate file.")
        .define(
            O365_CONTENT_TYPES,
            Type.LIST,
            ContentTypes.EXCHANGE + "," + ContentTypes.AZURE_ACTIVE_DIRECTORY,
            ConfigDef.ValidList.in(ContentTypes.ALL.toArray(String[]::new)),
            Importance.MEDIUM,
            "Content types to subscribe to and poll. Audit.Exchange carries MailItemsAccessed;"
                + " DLP.All needs the extra permission to read DLP sensitive data.")
        .define(
            O365_CLOUD,
            Type.STRING,
            MicrosoftCloud.COMMERCIAL.id(),
            ConfigDef.ValidString.in(
                Arrays.stream(MicrosoftCloud.values())
                    .map(MicrosoftCloud::id)
                    .toArray(String[]::new)),
            Importance.MEDIUM,
            "Microsoft 365 cloud: its API and login endpoints (commercial: manage.office.com, gcc:"
                + " manage-gcc.office.com, gcc-high: manage.office365.us, dod:"
                + " manage.protection.apps.mil).")
        .define(
            O365_API_ROOT,
            Type.STRING,
            "",
            Importance.LOW,
            "Management Activity API root instead of the cloud's (a private endpoint or a test"
                + " server); tokens are still requested for the cloud's API.")
        .define(
            O365_LOGIN_AUTHORITY,
            Type.STRING,
            "",
            Importance.LOW,
            "Login authority instead of the cloud's (https://login.microsoftonline.com or .us).")
        .define(
            O365_PUBLISHER_ID,
            Type.STRING,
            "",
            Importance.LOW,
            "PublisherIdentifier sent with every request: the tenant id of the organisation"
                + " running the ingestion, for its own throttling quota; empty sends none.")
        .define(
            O365_POLL_INTERVAL,
            Type.STRING,
            "5m",
            DurationValue.between(Duration.ofSeconds(10), Duration.ofDays(1)),
            Importance.MEDIUM,
            "Pause between two polls of every tenant and content type.")
        .define(
            O365_START_LOOKBACK,
            Type.STRING,
            "1d",
            DurationValue.between(Duration.ZERO, O365Settings.FEED_RETENTION),
            Importance.MEDIUM,
            "How far back a tenant's content type without a checkpoint starts; the API keeps 7"
                + " days.")
        .define(
            O365_RELIST_OVERLAP,
            Type.STRING,
            "1h",
            DurationValue.between(Duration.ZERO, Duration.ofDays(1)),
            Importance.LOW,
            "How far before its checkpoint a feed is listed again, for content that becomes"
                + " listable late; blobs seen before are recognised by id and skipped.")
        .define(
            O365_MAX_RETRIES,
            Type.INT,
            8,
            ConfigDef.Range.between(0, 100),
            Importance.LOW,
            "Retries of a throttled (429) or failed (5xx, I/O) request before the poll of that"
                + " feed is reported failed and left to the next poll.")
        .define(
            O365_RETRY_BACKOFF,
            Type.STRING,
            "1s",
            DurationValue.between(Duration.ZERO, Duration.ofMinutes(10)),
            Importance.LOW,
            "Upper bound of the first retry's wait; it doubles per retry (random within the"
                + " bound). A Retry-After from the API is always waited out.")
        .define(
            O365_RETRY_BACKOFF_MAX,
            Type.STRING,
            "2m",
            DurationValue.between(Duration.ZERO, Duration.ofHours(1)),
            Importance.LOW,
            "Largest bound of a retry's wait.")
        .define(
            O365_REQUEST_TIMEOUT,
            Type.STRING,
            "60s",
            DurationValue.between(Duration.ofSeconds(1), Duration.ofMinutes(30)),
            Importance.LOW,
            "Longest time one HTTP request may take.")
        .define(
            O365_TRANSACTIONAL_ID,
            Type.STRING,
            "stormwatch-ingest-o365",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Kafka transactional id of 'ingest o365'; a second copy with the same id fences the"
                + " first. Give each separately run ingestion its own.")
        .define(
            EVENTHUB_CONNECTION_STRING,
            Type.PASSWORD,
            null,
            Importance.HIGH,
            "Event Hubs connection string (Endpoint=sb://<namespace>.servicebus.windows.net/;"
                + "SharedAccessKeyName=...;SharedAccessKey=...[;EntityPath=<hub>]) of a policy"
                + " with Listen rights; sent as the SASL PLAIN password of user $ConnectionString.")
        .define(
            EVENTHUB_BOOTSTRAP_SERVERS,
            Type.STRING,
            "",
            Importance.LOW,
            "Kafka endpoint of the source; empty derives <namespace>.servicebus.windows.net:9093"
                + " from the connection string.")
        .define(
            EVENTHUB_NAME,
            Type.STRING,
            "",
            Importance.HIGH,
            "Event hub the diagnostic settings stream to (insights-logs-signinlogs by default in"
                + " Azure); empty takes EntityPath from the connection string.")
        .define(
            EVENTHUB_CONSUMER_GROUP,
            Type.STRING,
            "$Default",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Consumer group of the event hub to read as.")
        .define(
            EVENTHUB_START,
            Type.STRING,
            "earliest",
            ConfigDef.ValidString.in("earliest", "latest"),
            Importance.MEDIUM,
            "Where a partition without a checkpoint starts: the oldest retained event or only new"
                + " ones.")
        .define(
            EVENTHUB_CATEGORIES,
            Type.LIST,
            String.join(",", EventHubSettings.SIGN_IN_CATEGORIES.stream().sorted().toList()),
            Importance.LOW,
            "Diagnostic-settings categories carried to the sign-in raw topic; records of others"
                + " are counted and left out. Empty carries all.")
        .define(
            EVENTHUB_TRANSACTIONAL_ID,
            Type.STRING,
            "stormwatch-ingest-eventhub",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Kafka transactional id of 'ingest eventhub'; one running copy per event hub.");
  }
}
