package io.stormwatch.detector.config;

import io.stormwatch.detector.catalogue.RuleCatalogue;
import io.stormwatch.detector.config.types.DurationValue;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.formats.common.RecordLimits;
import io.stormwatch.schemas.registry.SchemaRegistrySettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Every setting of the detector: one immutable, validated object. Each key has a default and a doc;
 * a bad value stops start-up with a {@link ConfigException} naming the key and what is allowed.
 *
 * <p>Keys prefixed {@value #KAFKA_PREFIX} are handed to the Kafka clients unchanged (security,
 * timeouts, ...), without the prefix.
 *
 * <p>The pipeline's keys are defined here; each rule of the {@link RuleCatalogue} defines its own,
 * which are added under {@code rule.<id>.} with its switch {@code rule.<id>.enabled}, and reads its
 * typed settings from {@link #settings(RuleEntry)}.
 */
public final class StormwatchConfig {

  public static final String KAFKA_PREFIX = "kafka.";

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String APPLICATION_ID = "application.id";
  public static final String STATE_DIR = "state.dir";
  public static final String STREAM_THREADS = "stream.threads";
  public static final String COMMIT_INTERVAL = "commit.interval";
  public static final String STANDBY_REPLICAS = "standby.replicas";
  public static final String STATE_MEMORY = "state.memory.mib";

  public static final String TOPIC_UAL_RAW = "topic.ual.raw";
  public static final String TOPIC_SIGNIN_RAW = "topic.signin.raw";
  public static final String TOPIC_EVENTS = "topic.events";
  public static final String TOPIC_EVENTS_ENABLED = "topic.events.enabled";
  public static final String TOPIC_DLQ = "topic.dlq";
  public static final String TOPIC_LATE = "topic.late";
  public static final String TOPIC_ALERTS = "topic.alerts";
  public static final String TOPIC_ALERTS_OCSF = "topic.alerts.ocsf";
  public static final String TOPIC_PARTITIONS = "topic.partitions";
  public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
  public static final String TOPIC_RETENTION = "topic.retention";

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String SCHEMA_REGISTRY_USER = "schema.registry.basic.auth.user";
  public static final String SCHEMA_REGISTRY_PASSWORD = "schema.registry.basic.auth.password";
  public static final String SCHEMA_REGISTRY_TRUSTSTORE = "schema.registry.ssl.truststore.location";
  public static final String SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD =
      "schema.registry.ssl.truststore.password";
  public static final String SCHEMA_REGISTRY_TRUSTSTORE_TYPE =
      "schema.registry.ssl.truststore.type";
  public static final String SCHEMA_REGISTRY_TIMEOUT = "schema.registry.request.timeout";

  public static final String METRICS_PORT = "metrics.port";
  public static final String METRICS_BIND_ADDRESS = "metrics.bind.address";

  /** The {@value #METRICS_PORT} that switches the operations endpoint off. */
  public static final int METRICS_OFF = -1;

  public static final String RAW_MERGE_WAIT = "raw.merge.wait";

  public static final String DEDUPE_WINDOW = "normaliser.dedupe.window";
  public static final String DEDUPE_MAX_PER_ACCOUNT = "normaliser.dedupe.max.per.account";
  public static final String MAX_MESSAGE_BYTES = "normaliser.max.message.bytes";
  public static final String MAX_RECORD_BYTES = "normaliser.max.record.bytes";
  public static final String MAX_NESTING_DEPTH = "normaliser.max.nesting.depth";
  public static final String MAX_ARRAY_ELEMENTS = "normaliser.max.array.elements";
  public static final String MAX_CLOCK_SKEW = "normaliser.max.clock.skew";
  public static final String EARLIEST_EVENT_TIME = "normaliser.earliest.event.time";
  public static final String GRACE = "events.grace";
  public static final String INCIDENT_WINDOW = "incident.window";

  private static final ConfigDef DEFINITION = buildDefinition();

  private final AbstractConfig values;
  private final Map<String, Object> kafkaOverrides;

  private StormwatchConfig(AbstractConfig values, Map<String, Object> kafkaOverrides) {
    this.values = values;
    this.kafkaOverrides = Map.copyOf(kafkaOverrides);
  }

  /** The configuration with every key at its default. */
  public static StormwatchConfig defaults() {
    return from(Map.of());
  }

  /**
   * Validates {@code settings} (unknown keys without the {@value #KAFKA_PREFIX} prefix are errors,
   * so a typo does not silently fall back to a default).
   *
   * @throws ConfigException naming the first bad key and what it allows; a secret value (see {@link
   *     Redaction}) is never part of the message
   */
  public static StormwatchConfig from(Map<String, ?> settings) {
    try {
      return validated(settings);
    } catch (ConfigException e) {
      throw Redaction.of(settings).scrub(e);
    }
  }

  private static StormwatchConfig validated(Map<String, ?> settings) {
    Map<String, Object> own = new HashMap<>();
    Map<String, Object> kafka = new LinkedHashMap<>();
    for (var entry : settings.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith(KAFKA_PREFIX)) {
        kafka.put(key.substring(KAFKA_PREFIX.length()), entry.getValue());
      } else if (DEFINITION.names().contains(key)) {
        own.put(key, entry.getValue());
      } else {
        // The value of an unknown key is not shown: nothing says whether it is a secret.
        throw new ConfigException(
            key + ": unknown setting; see 'stormwatch config --print-defaults'");
      }
    }
    StormwatchConfig config =
        new StormwatchConfig(new AbstractConfig(DEFINITION, own, false), kafka);
    config.checkOcsfAlertsTopicIsItsOwn();
    config.schemaRegistry(); // settings that only make sense together are checked here
    if (config.values.getInt(MAX_RECORD_BYTES) > config.values.getInt(MAX_MESSAGE_BYTES)) {
      throw new ConfigException(
          MAX_RECORD_BYTES,
          config.values.getInt(MAX_RECORD_BYTES),
          "a record may not be larger than a message (" + MAX_MESSAGE_BYTES + ")");
    }
    return config;
  }

  /** JSON on a topic that also carries Avro, or feeds the detector, would break its readers. */
  private void checkOcsfAlertsTopicIsItsOwn() {
    TopicNames names = topics();
    names
        .ocsfAlerts()
        .filter(
            ocsf ->
                List.of(
                        names.ualRaw(),
                        names.signInRaw(),
                        names.events(),
                        names.deadLetters(),
                        names.late(),
                        names.alerts())
                    .contains(ocsf))
        .ifPresent(
            ocsf -> {
              throw new ConfigException(
                  TOPIC_ALERTS_OCSF, ocsf, "must differ from every other topic of the pipeline");
            });
  }

  /** A copy with {@code overrides} applied on top of this configuration's explicit values. */
  public StormwatchConfig with(Map<String, ?> overrides) {
    Map<String, Object> merged = new HashMap<>(values.originals());
    kafkaOverrides.forEach((k, v) -> merged.put(KAFKA_PREFIX + k, v));
    merged.putAll(overrides);
    return from(merged);
  }

  /** The definition of every key, for documentation and {@code config --print-defaults}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  public String bootstrapServers() {
    return values.getString(BOOTSTRAP_SERVERS);
  }

  public String applicationId() {
    return values.getString(APPLICATION_ID);
  }

  public Optional<String> stateDir() {
    return Optional.ofNullable(values.getString(STATE_DIR)).filter(s -> !s.isBlank());
  }

  public int streamThreads() {
    return values.getInt(STREAM_THREADS);
  }

  public Duration commitInterval() {
    return duration(COMMIT_INTERVAL);
  }

  /** Native memory all RocksDB stores of this process share, in bytes; empty = RocksDB's own. */
  public OptionalLong stateMemoryBytes() {
    int mib = values.getInt(STATE_MEMORY);
    return mib == 0 ? OptionalLong.empty() : OptionalLong.of(mib * 1024L * 1024L);
  }

  /** Warm copies of each task's state on other instances (Kafka Streams num.standby.replicas). */
  public int standbyReplicas() {
    return values.getInt(STANDBY_REPLICAS);
  }

  /**
   * Settings handed to every Kafka client as they are (from keys prefixed {@value #KAFKA_PREFIX}).
   */
  public Map<String, Object> kafkaOverrides() {
    return kafkaOverrides;
  }

  public Optional<String> schemaRegistryUrl() {
    return Optional.ofNullable(values.getString(SCHEMA_REGISTRY_URL)).filter(s -> !s.isBlank());
  }

  /**
   * The Schema Registry to register and look up schemas in; empty = the bundled schema ids.
   *
   * @throws ConfigException naming the key when registry settings contradict each other
   */
  public Optional<SchemaRegistrySettings> schemaRegistry() {
    String user = values.getString(SCHEMA_REGISTRY_USER);
    String password = values.getPassword(SCHEMA_REGISTRY_PASSWORD).value();
    String trustStore = values.getString(SCHEMA_REGISTRY_TRUSTSTORE);
    Optional<String> url = schemaRegistryUrl();
    if (url.isEmpty()) {
      for (String key : List.of(SCHEMA_REGISTRY_USER, SCHEMA_REGISTRY_TRUSTSTORE)) {
        if (!values.getString(key).isEmpty()) {
          throw new ConfigException(key, values.getString(key), "needs " + SCHEMA_REGISTRY_URL);
        }
      }
      return Optional.empty();
    }
    if (user.isEmpty() != password.isEmpty()) {
      String missing = user.isEmpty() ? SCHEMA_REGISTRY_USER : SCHEMA_REGISTRY_PASSWORD;
      throw new ConfigException(
          missing,
          "",
          "basic auth needs both " + SCHEMA_REGISTRY_USER + " and " + SCHEMA_REGISTRY_PASSWORD);
    }
    List<URI> urls =
        Arrays.stream(url.get().split(","))
            .map(String::trim)
            .filter(u -> !u.isEmpty())
            .map(URI::create)
            .toList();
    if (!trustStore.isEmpty() && urls.stream().noneMatch(u -> "https".equals(u.getScheme()))) {
      throw new ConfigException(
          SCHEMA_REGISTRY_TRUSTSTORE,
          trustStore,
          "set, but no " + SCHEMA_REGISTRY_URL + " is https");
    }
    return Optional.of(
        new SchemaRegistrySettings(
            urls,
            user.isEmpty()
                ? Optional.empty()
                : Optional.of(new SchemaRegistrySettings.BasicAuth(user, password)),
            trustStore.isEmpty()
                ? Optional.empty()
                : Optional.of(
                    new SchemaRegistrySettings.TrustStore(
                        Path.of(trustStore),
                        values.getPassword(SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD).value(),
                        values.getString(SCHEMA_REGISTRY_TRUSTSTORE_TYPE))),
            duration(SCHEMA_REGISTRY_TIMEOUT)));
  }

  /**
   * Where {@code detect} serves {@code /metrics}, {@code /health} and {@code /ready}; empty when
   * {@value #METRICS_PORT} is {@value #METRICS_OFF}. Port 0 asks for a free port.
   */
  public Optional<InetSocketAddress> metricsAddress() {
    int port = values.getInt(METRICS_PORT);
    return port == METRICS_OFF
        ? Optional.empty()
        : Optional.of(new InetSocketAddress(values.getString(METRICS_BIND_ADDRESS), port));
  }

  public TopicNames topics() {
    return new TopicNames(
        values.getString(TOPIC_UAL_RAW),
        values.getString(TOPIC_SIGNIN_RAW),
        values.getString(TOPIC_EVENTS),
        values.getString(TOPIC_DLQ),
        values.getString(TOPIC_LATE),
        values.getString(TOPIC_ALERTS),
        Optional.of(values.getString(TOPIC_ALERTS_OCSF)).filter(s -> !s.isBlank()),
        values.getBoolean(TOPIC_EVENTS_ENABLED));
  }

  public TopicLayout topicLayout() {
    short replication = values.getShort(TOPIC_REPLICATION_FACTOR);
    return new TopicLayout(
        values.getInt(TOPIC_PARTITIONS),
        replication < 0 ? Optional.empty() : Optional.of(replication),
        duration(TOPIC_RETENTION),
        values.getInt(MAX_MESSAGE_BYTES));
  }

  /** How long the normaliser waits for a lagging raw topic before running ahead of it. */
  public Duration rawMergeWait() {
    return duration(RAW_MERGE_WAIT);
  }

  public Duration dedupeWindow() {
    return duration(DEDUPE_WINDOW);
  }

  /** How many record ids one account remembers within the dedupe window. */
  public int dedupeMaxPerAccount() {
    return values.getInt(DEDUPE_MAX_PER_ACCOUNT);
  }

  /** How large, deep and long a raw message and its records may be. */
  public RecordLimits recordLimits() {
    return new RecordLimits(
        values.getInt(MAX_MESSAGE_BYTES),
        values.getInt(MAX_RECORD_BYTES),
        values.getInt(MAX_NESTING_DEPTH),
        values.getInt(MAX_ARRAY_ELEMENTS));
  }

  /** How far ahead of the detector's clock an event time may be. */
  public Duration maxClockSkew() {
    return duration(MAX_CLOCK_SKEW);
  }

  /** The earliest event time the normaliser accepts. */
  public Instant earliestEventTime() {
    return Instant.parse(values.getString(EARLIEST_EVENT_TIME).trim());
  }

  /** How far behind an account's latest event a record may be and still be evaluated. */
  public Duration grace() {
    return duration(GRACE);
  }

  /** How long after an account's latest alert, in event time, its incident takes new alerts. */
  public Duration incidentWindow() {
    return duration(INCIDENT_WINDOW);
  }

  /** Whether the catalogued rule {@code rule} is switched on ({@code rule.<id>.enabled}). */
  public boolean enabled(RuleEntry rule) {
    return values.getBoolean(rule.key(RuleEntry.ENABLED));
  }

  /**
   * The settings of the catalogued rule {@code rule}, keys relative to its prefix, as the rule
   * defines them: what it reads its typed settings from.
   */
  public AbstractConfig settings(RuleEntry rule) {
    return new AbstractConfig(rule.settings(), values.originalsWithPrefix(rule.keyPrefix()), false);
  }

  /** Every key with its effective value, in definition order, for printing. */
  public Map<String, String> effectiveValues() {
    Map<String, String> out = new LinkedHashMap<>();
    for (ConfigDef.ConfigKey key : DEFINITION.configKeys().values()) {
      Object value = values.values().get(key.name);
      out.put(
          key.name,
          value instanceof List<?> list
              ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
              : value instanceof Password secret
                  ? (secret.value().isEmpty() ? "" : Password.HIDDEN)
                  : String.valueOf(value));
    }
    return out;
  }

  /** The explicit settings, secrets {@linkplain Redaction hidden}: safe to log. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    values.originals().forEach((key, value) -> shown.put(key, Redaction.shown(key, value)));
    kafkaOverrides.forEach(
        (key, value) -> shown.put(KAFKA_PREFIX + key, Redaction.shown(KAFKA_PREFIX + key, value)));
    return "StormwatchConfig" + shown;
  }

  private Duration duration(String key) {
    return DurationValue.parse(values.getString(key));
  }

  private static ConfigDef buildDefinition() {
    ConfigDef definition = pipelineDefinition();
    for (RuleEntry rule : RuleCatalogue.entries()) {
      defineRule(definition, rule);
    }
    return definition;
  }

  /** The pipeline's own settings; each rule's are added under its prefix. */
  private static ConfigDef pipelineDefinition() {
    return new ConfigDef()
        .define(
            BOOTSTRAP_SERVERS,
            Type.STRING,
            "localhost:9092",
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            "Kafka bootstrap servers, host:port[,host:port...].")
        .define(
            APPLICATION_ID,
            Type.STRING,
            "stormwatch-detector",
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            "Kafka Streams application id: consumer group, prefix of internal topics and state.")
        .define(
            STATE_DIR,
            Type.STRING,
            "",
            Importance.MEDIUM,
            "Directory for local state (RocksDB); empty = Kafka Streams' default under java.io.tmpdir.")
        .define(
            STREAM_THREADS,
            Type.INT,
            1,
            Range.between(1, 64),
            Importance.MEDIUM,
            "Stream threads in this instance.")
        .define(
            COMMIT_INTERVAL,
            Type.STRING,
            "100ms",
            DurationValue.between(Duration.ofMillis(10), Duration.ofMinutes(5)),
            Importance.LOW,
            "How often Kafka Streams commits (with exactly-once, how often alerts become visible).")
        .define(
            STATE_MEMORY,
            Type.INT,
            256,
            Range.between(0, 1024 * 1024),
            Importance.MEDIUM,
            "Native memory (MiB) that all RocksDB state stores of this process share: one block"
                + " cache, with memtables and index and filter blocks charged to it, whatever the"
                + " number of tasks and stream threads. Budget the process as heap + this + the"
                + " JVM's own. 0 = RocksDB's defaults, a cache and memtables per store (unbounded).")
        .define(
            STANDBY_REPLICAS,
            Type.INT,
            0,
            Range.between(0, 10),
            Importance.MEDIUM,
            "Warm copies of each task's state kept by other instances of the detector (Kafka"
                + " Streams num.standby.replicas). When an instance stops or dies, its tasks move"
                + " to instances that already hold their state instead of restoring it from the"
                + " changelogs. Takes effect with at least this many instances plus one; each"
                + " instance needs its own state.dir.")
        .define(
            TOPIC_UAL_RAW,
            Type.STRING,
            "m365.audit.raw",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Raw Unified Audit Log records, JSON as Microsoft emits them, keyed by tenant id.")
        .define(
            TOPIC_SIGNIN_RAW,
            Type.STRING,
            "entra.signin.raw",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Raw Entra ID sign-in records, JSON, keyed by tenant id.")
        .define(
            TOPIC_EVENTS,
            Type.STRING,
            "audit.events",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Normalised events (Avro AuditEvent), keyed tenant/account.")
        .define(
            TOPIC_EVENTS_ENABLED,
            Type.BOOLEAN,
            true,
            Importance.MEDIUM,
            "Write every normalised event to the normalised events topic. false = alerts-only: the"
                + " detections run the same, nothing reads that topic back, and it is neither"
                + " written nor created, one record fewer appended to Kafka per event.")
        .define(
            TOPIC_DLQ,
            Type.STRING,
            "audit.dlq",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Records that could not be processed: original bytes, reason in headers.")
        .define(
            TOPIC_LATE,
            Type.STRING,
            "audit.late",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Normalised events that arrived after the grace period (Avro AuditEvent).")
        .define(
            TOPIC_ALERTS,
            Type.STRING,
            "alerts",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Alerts (Avro Alert), keyed by alert id.")
        .define(
            TOPIC_ALERTS_OCSF,
            Type.STRING,
            "",
            Importance.MEDIUM,
            "A second alerts topic for a SIEM: every alert revision as an OCSF Detection Finding"
                + " (class 2004), JSON, keyed by alert id, written in the same transaction as the"
                + " Avro alert; empty = not written. For example alerts.ocsf.")
        .define(
            TOPIC_PARTITIONS,
            Type.INT,
            3,
            Range.between(1, 10_000),
            Importance.MEDIUM,
            "Partitions of each topic when Stormwatch creates them.")
        .define(
            TOPIC_REPLICATION_FACTOR,
            Type.SHORT,
            (short) -1,
            Range.between(-1, 32),
            Importance.MEDIUM,
            "Replication factor when Stormwatch creates topics; -1 = the broker's default.")
        .define(
            TOPIC_RETENTION,
            Type.STRING,
            "180d",
            DurationValue.between(Duration.ofHours(1), Duration.ofDays(36_500)),
            Importance.MEDIUM,
            "Retention of the topics Stormwatch creates (Microsoft Audit Standard keeps 180 days).")
        .define(
            SCHEMA_REGISTRY_URL,
            Type.STRING,
            "",
            registryUrls(),
            Importance.MEDIUM,
            "Confluent-compatible Schema Registry API, http(s)://host:port[/path] (Apicurio:"
                + " .../apis/ccompat/v7); several, comma-separated, are tried in order. Set: the"
                + " Avro schemas are registered under <topic>-value (TopicNameStrategy) at start-up"
                + " and records carry the registry's ids; the detector does not start if the"
                + " registry cannot be reached or rejects a schema. Empty = the schemas bundled in"
                + " this build, with fixed ids 1001-1003.")
        .define(
            SCHEMA_REGISTRY_USER,
            Type.STRING,
            "",
            Importance.MEDIUM,
            "Basic-auth user for the Schema Registry (Confluent Cloud: the API key); empty = none.")
        .define(
            SCHEMA_REGISTRY_PASSWORD,
            Type.PASSWORD,
            "",
            Importance.MEDIUM,
            "Basic-auth password for the Schema Registry (Confluent Cloud: the API secret). A"
                + " secret: prefer the environment variable to a file; never printed.")
        .define(
            SCHEMA_REGISTRY_TRUSTSTORE,
            Type.STRING,
            "",
            Importance.LOW,
            "Trust store with the certificates that sign an https Schema Registry's certificate;"
                + " empty = the JVM's default authorities.")
        .define(
            SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
            Type.PASSWORD,
            "",
            Importance.LOW,
            "Password of the Schema Registry trust store; empty = none. A secret: never printed.")
        .define(
            SCHEMA_REGISTRY_TRUSTSTORE_TYPE,
            Type.STRING,
            "PKCS12",
            ConfigDef.ValidString.in("PKCS12", "JKS"),
            Importance.LOW,
            "Format of the Schema Registry trust store.")
        .define(
            SCHEMA_REGISTRY_TIMEOUT,
            Type.STRING,
            "10s",
            DurationValue.between(Duration.ofMillis(100), Duration.ofMinutes(5)),
            Importance.LOW,
            "How long one Schema Registry request may take, connecting included.")
        .define(
            METRICS_PORT,
            Type.INT,
            9404,
            Range.between(METRICS_OFF, 65_535),
            Importance.MEDIUM,
            "Port of the operations endpoint of 'detect': /metrics (Prometheus text), /health, /ready."
                + " 0 = a free port (printed at start), -1 = no endpoint.")
        .define(
            METRICS_BIND_ADDRESS,
            Type.STRING,
            "0.0.0.0",
            new ConfigDef.NonEmptyString(),
            Importance.LOW,
            "Address the operations endpoint listens on; 0.0.0.0 = every interface,"
                + " 127.0.0.1 = this host only.")
        .define(
            RAW_MERGE_WAIT,
            Type.STRING,
            "0ms",
            DurationValue.between(Duration.ZERO, Duration.ofMinutes(10)),
            Importance.LOW,
            "How long the normaliser waits for records of one raw topic when only the other has"
                + " some (Kafka Streams max.task.idle.ms). 0 = do not wait for producers, only for"
                + " records already on the broker: a tenant's UAL and sign-in records are merged in"
                + " event-time order as far as the broker holds them. Raising it trades alert"
                + " latency for order when one feed arrives in bursts.")
        .define(
            DEDUPE_WINDOW,
            Type.STRING,
            "24h",
            DurationValue.between(Duration.ofMinutes(1), Duration.ofDays(30)),
            Importance.LOW,
            "How long a record id is remembered to drop duplicates (the audit APIs re-deliver).")
        .define(
            DEDUPE_MAX_PER_ACCOUNT,
            Type.INT,
            2048,
            Range.between(16, 65_536),
            Importance.LOW,
            "Record ids one account remembers within the dedupe window, 12 bytes each: the newest 64"
                + " in its state entry, older ones apart; past this the oldest are forgotten first."
                + " Exchange stops auditing a mailbox's reads after about 1,000 items a day.")
        .define(
            MAX_MESSAGE_BYTES,
            Type.INT,
            RecordLimits.DEFAULTS.maxMessageBytes(),
            Range.between(1024, 512 * 1024 * 1024),
            Importance.LOW,
            "A raw message (one record, a content blob or an envelope) larger than this is"
                + " dead-lettered whole (message-too-large) before it is parsed. The raw and"
                + " dead-letter topics Stormwatch creates accept messages this large (their"
                + " max.message.bytes), and the detector's producer sends them (max.request.size),"
                + " so a rejected message is kept byte for byte; set max.message.bytes yourself on"
                + " topics you create.")
        .define(
            MAX_RECORD_BYTES,
            Type.INT,
            RecordLimits.DEFAULTS.maxRecordBytes(),
            Range.between(1024, 512 * 1024 * 1024),
            Importance.LOW,
            "A record (a whole message, or one element of a content blob or envelope) larger than"
                + " this is dead-lettered (too-large) before its values are read. At most "
                + MAX_MESSAGE_BYTES
                + ".")
        .define(
            MAX_NESTING_DEPTH,
            Type.INT,
            RecordLimits.DEFAULTS.maxNestingDepth(),
            Range.between(2, RecordLimits.MAX_CONFIGURABLE_NESTING_DEPTH),
            Importance.LOW,
            "A record whose objects and arrays nest deeper than this (the record itself is level"
                + " 1) is dead-lettered (too-deep); Microsoft's records nest about 5 levels.")
        .define(
            MAX_ARRAY_ELEMENTS,
            Type.INT,
            RecordLimits.DEFAULTS.maxArrayElements(),
            Range.between(1, 100_000_000),
            Importance.LOW,
            "A record holding an array with more elements than this, anywhere inside it, is"
                + " dead-lettered (array-too-long); so is each record of a content blob or envelope"
                + " beyond this many.")
        .define(
            MAX_CLOCK_SKEW,
            Type.STRING,
            "15m",
            DurationValue.between(Duration.ZERO, Duration.ofHours(1)),
            Importance.LOW,
            "An event whose time is further than this ahead of the detector's clock is"
                + " dead-lettered (future-time), and a raw record stamped further ahead does not"
                + " advance stream time: one record dated 2999 would otherwise close every window,"
                + " make every later event of its account late and stop the time-driven checks. At"
                + " most 1h, the future the broker accepts by default"
                + " (message.timestamp.after.max.ms) on the topics events are written to.")
        .define(
            EARLIEST_EVENT_TIME,
            Type.STRING,
            "2000-01-01T00:00:00Z",
            instant(),
            Importance.LOW,
            "An event time before this (ISO-8601) is not a real audit time but an unset one, such"
                + " as 1970-01-01: such events are dead-lettered (before-earliest-time) rather than"
                + " evaluated, and never reach state.")
        .define(
            GRACE,
            Type.STRING,
            "2h",
            DurationValue.between(Duration.ZERO, Duration.ofDays(7)),
            Importance.MEDIUM,
            "Events older than their account's latest event minus this go to the late topic.")
        .define(
            INCIDENT_WINDOW,
            Type.STRING,
            "72h",
            DurationValue.between(Duration.ofMinutes(1), Duration.ofDays(30)),
            Importance.LOW,
            "An account's alerts within this of its previous alert, in event time, share one"
                + " incident id; a token alert in the incident escalates the account's inbox-rule"
                + " alerts.");
  }

  /**
   * Adds the settings of {@code rule} under its prefix: its switch, then the keys it defines, with
   * its own defaults, validators and documentation.
   */
  private static void defineRule(ConfigDef definition, RuleEntry rule) {
    definition.define(
        rule.key(RuleEntry.ENABLED),
        Type.BOOLEAN,
        true,
        Importance.MEDIUM,
        "Run the " + rule.descriptor().id() + " rule: " + rule.descriptor().title() + ".");
    for (ConfigDef.ConfigKey key : rule.settings().configKeys().values()) {
      definition.define(
          rule.key(key.name),
          key.type,
          key.defaultValue,
          key.validator,
          key.importance,
          key.documentation);
    }
  }

  private static ConfigDef.Validator registryUrls() {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        for (String item : String.valueOf(value == null ? "" : value).split(",")) {
          String url = item.trim();
          if (url.isEmpty()) {
            continue;
          }
          try {
            new SchemaRegistrySettings(
                List.of(URI.create(url)),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(1));
          } catch (IllegalArgumentException bad) {
            // Without the value: a URL with credentials in it would print them.
            throw new ConfigException(name + ": " + bad.getMessage());
          }
        }
      }

      @Override
      public String toString() {
        return "empty, or http(s) URLs, comma-separated, without credentials";
      }
    };
  }

  private static ConfigDef.Validator instant() {
    return (name, value) -> {
      try {
        Instant.parse(String.valueOf(value).trim());
      } catch (DateTimeParseException e) {
        throw new ConfigException(
            name, value, "not an ISO-8601 instant; write e.g. 2000-01-01T00:00:00Z");
      }
    };
  }
}
