package io.stormwatch.detector.topology;

import io.stormwatch.detector.catalogue.RuleCatalogue;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.incident.IncidentLinker;
import io.stormwatch.detector.incident.IncidentRole;
import io.stormwatch.detector.lateness.LatenessGate;
import io.stormwatch.detector.normalise.EventTimeBounds;
import io.stormwatch.detector.normalise.NetworkEnricher;
import io.stormwatch.detector.normalise.NormaliseProcessor;
import io.stormwatch.detector.normalise.RawRecordParser;
import io.stormwatch.detector.normalise.RawRecordTimestamps;
import io.stormwatch.detector.ocsf.DetectionFinding;
import io.stormwatch.detector.ocsf.DetectionFindingMapper;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.detector.rules.TenantRule;
import io.stormwatch.formats.EntraSignInParser;
import io.stormwatch.formats.UnifiedAuditLogParser;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.schemas.serde.SchemaResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * What the detector computes, apart from how it runs: a side-effect-free {@link #build} of the
 * topology. Every node, store and therefore changelog topic has an explicit, stable name; renaming
 * one orphans state, which is why {@code StormwatchTopologyTest} pins {@code describe()}.
 *
 * <pre>
 *   m365.audit.raw ──┐
 *                    ├─ normaliser ──┬─ tenant-stage ──┬─ audit.events
 *   entra.signin.raw ┘  (parse,      │  (tenant        ├─ alerts  (orphan-token, sign-in coverage)
 *                        enrich,     │   context)      │
 *                        dedupe)     └─ audit.dlq      └─ account-detections ──┬─ alerts
 *                                                         (account-state:      │  (token-replay,
 *                                                          watermark + each    │   mail-burst,
 *                                                          rule's state)       │   unusual-mail-client)
 *                                                                              └─ audit.late
 *                                                                                 (lateness gate)
 * </pre>
 *
 * <p>When an OCSF alerts topic is configured, both alert producers also hand every revision to
 * {@code ocsf-alerts}, which writes its OCSF Detection Finding to that topic in the same task and
 * transaction; without one, the topology is exactly as above.
 *
 * <p>Both raw topics feed one processor, so a tenant's UAL and sign-in records are merged in one
 * task in timestamp order (the raw topics must have the same partition count); the tenant stage
 * therefore sees a whole tenant. The account-level rules run in the same task, on the events as the
 * tenant stage annotated them: a tenant's accounts are all there, so reading the events back from
 * the normalised topic would cost a decode, a second task and a second transaction per event, and
 * delay every account alert by a commit. They share one processor and one store entry per account:
 * an event touches every rule, and one read and one write per event cost a quarter of one per rule.
 */
public final class StormwatchTopology {

  public static final String UAL_SOURCE = "ual-raw-source";
  public static final String SIGNIN_SOURCE = "signin-raw-source";
  public static final String NORMALISER = "normaliser";
  public static final String TENANT_STAGE = "tenant-stage";
  public static final String TENANT_ALERTS_SINK = "tenant-alerts-sink";
  public static final String EVENTS_SINK = "events-sink";
  public static final String DLQ_SINK = "dlq-sink";
  public static final String ACCOUNT_DETECTIONS = "account-detections";
  public static final String LATE_SINK = "late-sink";
  public static final String ALERTS_SINK = "alerts-sink";
  public static final String OCSF_ALERTS = "ocsf-alerts";
  public static final String OCSF_ALERTS_SINK = "ocsf-alerts-sink";

  public static final String DEDUPE_STORE = "normaliser-dedupe";
  public static final String ACCOUNT_STATE_STORE = "account-state";
  public static final String OLDER_RECORD_IDS_STORE = "account-older-record-ids";
  public static final String TENANT_CONTEXT_STORE = "tenant-context";
  public static final String ISSUANCE_STORE = "signin-issuance";
  public static final String PENDING_USES_STORE = "orphan-token-pending";

  /**
   * Changelogs of windowed stores are deleted by time; their records carry event times, which for a
   * replayed recording lie months in the past, so the broker would delete them at once. Stamped
   * with the time they were logged, they expire after the store's retention in wall time instead.
   */
  private static final Map<String, String> WINDOWED_CHANGELOG =
      Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

  private StormwatchTopology() {}

  /** The parts the topology is built from, besides configuration. */
  public record Components(
      StormwatchTopics topics,
      RawRecordParser ualParser,
      RawRecordParser signInParser,
      NetworkEnricher enricher) {

    /**
     * Microsoft's formats, the topics of {@code config}, and enrichment from {@code
     * ipIntelligence}.
     */
    public static Components standard(
        StormwatchConfig config, SchemaResolver resolver, IpIntelligence ipIntelligence) {
      return new Components(
          StormwatchTopics.of(config.topics(), resolver),
          new UnifiedAuditLogParser(config.recordLimits())::parse,
          new EntraSignInParser(config.recordLimits())::parse,
          new NetworkEnricher(ipIntelligence));
    }
  }

  /** Builds the topology; touches no broker and starts nothing. */
  public static Topology build(StormwatchConfig config, Components components) {
    StormwatchTopics topics = components.topics();
    Topology topology = new Topology();
    addNormaliser(topology, config, components);
    addAccountDetections(topology, config, topics);
    topics.ocsfAlerts().ifPresent(ocsf -> addOcsfAlerts(topology, ocsf));
    return topology;
  }

  /** The children every alert goes to: the alerts sink, and the OCSF mapper when configured. */
  private static List<String> alertsChildren(String alertsSink, StormwatchTopics topics) {
    return topics.ocsfAlerts().isPresent() ? List.of(alertsSink, OCSF_ALERTS) : List.of(alertsSink);
  }

  private static void addOcsfAlerts(
      Topology topology, TopicDescriptor<String, DetectionFinding> ocsf) {
    var mapper =
        new DetectionFindingMapper(
            RuleCatalogue.descriptors(), DetectionFindingMapper.buildVersion());
    topology.addProcessor(
        OCSF_ALERTS, () -> new OcsfAlertsProcessor(mapper), TENANT_STAGE, ACCOUNT_DETECTIONS);
    topology.addSink(
        OCSF_ALERTS_SINK,
        ocsf.name(),
        ocsf.keySerde().serializer(),
        ocsf.valueSerde().serializer(),
        OCSF_ALERTS);
  }

  /** The account rules of the catalogue switched on in {@code config}, in catalogue order. */
  public static List<AccountRule<?>> accountRules(StormwatchConfig config) {
    List<AccountRule<?>> rules = new ArrayList<>();
    for (RuleEntry entry : RuleCatalogue.entries()) {
      if (entry instanceof RuleEntry.Account account && config.enabled(account)) {
        rules.add(account.create(config.settings(account)));
      }
    }
    return rules;
  }

  /** The tenant rules of the catalogue switched on in {@code config}, in catalogue order. */
  /** Links every rule's alerts into their accounts' incidents, by the rules' incident roles. */
  public static IncidentLinker incidentLinker(StormwatchConfig config) {
    Map<String, IncidentRole> roles = new HashMap<>();
    for (RuleDescriptor rule : RuleCatalogue.descriptors()) {
      roles.put(rule.id(), rule.incidentRole());
    }
    return new IncidentLinker(roles, config.incidentWindow());
  }

  public static List<TenantRule> tenantRules(StormwatchConfig config) {
    List<TenantRule> rules = new ArrayList<>();
    for (RuleEntry entry : RuleCatalogue.entries()) {
      if (entry instanceof RuleEntry.Tenant tenant && config.enabled(tenant)) {
        rules.add(tenant.create(config.settings(tenant)));
      }
    }
    return rules;
  }

  private static void addNormaliser(
      Topology topology, StormwatchConfig config, Components components) {
    StormwatchTopics topics = components.topics();
    RawRecordTimestamps timestamps = rawRecordTimestamps(config);
    AutoOffsetReset consumerDefault = null; // the consumer's auto.offset.reset: earliest
    topology.addSource(
        consumerDefault,
        UAL_SOURCE,
        timestamps,
        topics.ualRaw().keySerde().deserializer(),
        topics.ualRaw().valueSerde().deserializer(),
        topics.ualRaw().name());
    topology.addSource(
        consumerDefault,
        SIGNIN_SOURCE,
        timestamps,
        topics.signInRaw().keySerde().deserializer(),
        topics.signInRaw().valueSerde().deserializer(),
        topics.signInRaw().name());
    Map<String, RawRecordParser> parsers =
        Map.of(
            topics.ualRaw().name(), components.ualParser(),
            topics.signInRaw().name(), components.signInParser());
    EventTimeBounds timeBounds =
        new EventTimeBounds(config.earliestEventTime(), config.maxClockSkew());
    int maxDeadLetterBytes = config.recordLimits().maxMessageBytes();
    topology.addProcessor(
        NORMALISER,
        () ->
            new NormaliseProcessor(
                parsers,
                timeBounds,
                maxDeadLetterBytes,
                components.enricher(),
                TENANT_STAGE,
                DLQ_SINK),
        UAL_SOURCE,
        SIGNIN_SOURCE);
    addTenantStage(topology, config, topics);
    if (topics.eventsWritten()) {
      topology.addSink(
          EVENTS_SINK,
          topics.events().name(),
          topics.events().keySerde().serializer(),
          topics.events().valueSerde().serializer(),
          TENANT_STAGE);
    }
    topology.addSink(
        DLQ_SINK,
        topics.deadLetters().name(),
        topics.deadLetters().keySerde().serializer(),
        topics.deadLetters().valueSerde().serializer(),
        NORMALISER);
  }

  /**
   * The raw topics' timestamp extractor: a raw record stamped far in the future must not move
   * stream time (see {@link RawRecordTimestamps}); within that, the timestamp of the extractor
   * configured as Kafka Streams' default, if any, which a source's own extractor would otherwise
   * replace.
   */
  static RawRecordTimestamps rawRecordTimestamps(StormwatchConfig config) {
    Object configured =
        config.kafkaOverrides().get(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG);
    if (configured == null) {
      return new RawRecordTimestamps(config.maxClockSkew());
    }
    try {
      TimestampExtractor extractor =
          configured instanceof Class<?> type
              ? Utils.newInstance(type, TimestampExtractor.class)
              : Utils.newInstance(configured.toString(), TimestampExtractor.class);
      return new RawRecordTimestamps(config.maxClockSkew(), extractor);
    } catch (ClassNotFoundException | KafkaException e) {
      throw new ConfigException(
          StormwatchConfig.KAFKA_PREFIX + StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
          configured,
          "not a TimestampExtractor that can be made: " + e.getMessage());
    }
  }

  private static void addAccountDetections(
      Topology topology, StormwatchConfig config, StormwatchTopics topics) {
    var wiring =
        new AccountDetectionsProcessor.Wiring(
            ACCOUNT_STATE_STORE, LATE_SINK, alertsChildren(ALERTS_SINK, topics));
    List<AccountRule<?>> rules = accountRules(config);
    LatenessGate lateness = new LatenessGate(config.grace());
    topology.addProcessor(
        ACCOUNT_DETECTIONS,
        () -> new AccountDetectionsProcessor(rules, lateness, incidentLinker(config), wiring),
        TENANT_STAGE);
    // The tenant stage reads an account's state (and drops a re-delivered record by it); the
    // account detections write it back.
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ACCOUNT_STATE_STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withCachingEnabled(),
        TENANT_STAGE,
        ACCOUNT_DETECTIONS);
    topology.addSink(
        LATE_SINK,
        topics.late().name(),
        topics.late().keySerde().serializer(),
        topics.late().valueSerde().serializer(),
        ACCOUNT_DETECTIONS);
    topology.addSink(
        ALERTS_SINK,
        topics.alerts().name(),
        topics.alerts().keySerde().serializer(),
        topics.alerts().valueSerde().serializer(),
        ACCOUNT_DETECTIONS);
  }

  private static void addTenantStage(
      Topology topology, StormwatchConfig config, StormwatchTopics topics) {
    List<TenantRule> rules = tenantRules(config);
    var wiring =
        new TenantStageProcessor.Wiring(
            TENANT_CONTEXT_STORE,
            ISSUANCE_STORE,
            PENDING_USES_STORE,
            ACCOUNT_STATE_STORE,
            OLDER_RECORD_IDS_STORE,
            DEDUPE_STORE,
            topics.eventsWritten() ? Optional.of(EVENTS_SINK) : Optional.empty(),
            ACCOUNT_DETECTIONS,
            alertsChildren(TENANT_ALERTS_SINK, topics));
    var dedupe =
        new TenantStageProcessor.Dedupe(config.dedupeWindow(), config.dedupeMaxPerAccount());
    topology.addProcessor(
        TENANT_STAGE,
        () -> new TenantStageProcessor(wiring, rules, incidentLinker(config), dedupe),
        NORMALISER);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TENANT_CONTEXT_STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withCachingEnabled(),
        TENANT_STAGE);
    // Issuances matter as long as a tenant rule may ask about them, and an hour more.
    Duration issuanceRetention =
        rules.stream()
            .map(TenantRule::issuanceLookback)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO)
            .plus(Duration.ofHours(1));
    topology.addStateStore(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    ISSUANCE_STORE, issuanceRetention, Duration.ofMillis(1), false),
                Serdes.String(),
                Serdes.Long())
            .withLoggingEnabled(WINDOWED_CHANGELOG),
        TENANT_STAGE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PENDING_USES_STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withCachingEnabled(),
        TENANT_STAGE);
    // A busy account's older record ids, out of the entry every record rewrites (see
    // RecentRecordIds): written when the entry's are moved, read for a record older than those.
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OLDER_RECORD_IDS_STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withCachingEnabled(),
        TENANT_STAGE);
    // Where releases before this one remembered record ids: read for one dedupe window after an
    // upgrade, never written (see EarlierRecordIds). Same definition, so the same changelog.
    topology.addStateStore(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    DEDUPE_STORE, config.dedupeWindow(), Duration.ofMillis(1), false),
                Serdes.String(),
                Serdes.Long())
            .withLoggingEnabled(WINDOWED_CHANGELOG),
        TENANT_STAGE);
    topology.addSink(
        TENANT_ALERTS_SINK,
        topics.alerts().name(),
        topics.alerts().keySerde().serializer(),
        topics.alerts().valueSerde().serializer(),
        TENANT_STAGE);
  }
}
