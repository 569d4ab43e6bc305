package io.stormwatch.detector.testing;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.topology.StormwatchTopics;
import io.stormwatch.detector.topology.StormwatchTopology;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.ipintel.Network;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.serde.BundledSchemaResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole Stormwatch topology in a {@link TopologyTestDriver} with a small fixed IP table: raw
 * and normalised inputs, and every output topic. Close it after each test.
 */
public final class TopologyFixture implements AutoCloseable {

  /** The IP table the fixture enriches with: the networks of {@link Events}. */
  public static final IpIntelligence IP_TABLE =
      IpIntelligence.of(
          Map.of(
              "73.0.0.0/8", new Network(7922, "Comcast Cable Communications, LLC", "US"),
              "172.56.0.0/14", new Network(21928, "T-Mobile USA, Inc.", "US"),
              "188.166.0.0/16", new Network(14061, "DigitalOcean, LLC", "NL"),
              "159.203.0.0/16", new Network(14061, "DigitalOcean, LLC", "US"),
              "12.0.0.0/8", new Network(7018, "AT&T Services, Inc.", "US"),
              "40.76.0.0/14", new Network(8075, "Microsoft Corporation", "US")));

  /** After every event the tests pipe: the normaliser refuses events ahead of the clock. */
  public static final Instant WALL_CLOCK = Instant.parse("2026-04-01T00:00:00Z");

  public final StormwatchConfig config;
  public final StormwatchTopics topics;
  private final TopologyTestDriver driver;
  public final TestInputTopic<byte[], byte[]> ualRaw;
  public final TestInputTopic<byte[], byte[]> signInRaw;
  public final TestOutputTopic<String, AuditEvent> events;
  public final TestOutputTopic<byte[], byte[]> deadLetters;
  public final TestOutputTopic<String, AuditEvent> late;
  public final TestOutputTopic<String, Alert> alerts;

  /** The OCSF alerts as the bytes on the topic; null when no OCSF alerts topic is configured. */
  public final TestOutputTopic<String, byte[]> ocsfAlerts;

  public TopologyFixture() {
    this(StormwatchConfig.defaults());
  }

  public TopologyFixture(StormwatchConfig config) {
    this.config = config;
    var components =
        StormwatchTopology.Components.standard(config, new BundledSchemaResolver(), IP_TABLE);
    this.topics = components.topics();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    // A state directory of its own, so that two fixtures can be open at once.
    props.put(StreamsConfig.STATE_DIR_CONFIG, newStateDirectory().toString());
    this.driver =
        new TopologyTestDriver(StormwatchTopology.build(config, components), props, WALL_CLOCK);
    ualRaw =
        driver.createInputTopic(
            topics.ualRaw().name(),
            Serdes.ByteArray().serializer(),
            Serdes.ByteArray().serializer());
    signInRaw =
        driver.createInputTopic(
            topics.signInRaw().name(),
            Serdes.ByteArray().serializer(),
            Serdes.ByteArray().serializer());
    events =
        driver.createOutputTopic(
            topics.events().name(),
            topics.events().keySerde().deserializer(),
            topics.events().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters().name(),
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer());
    late =
        driver.createOutputTopic(
            topics.late().name(),
            topics.late().keySerde().deserializer(),
            topics.late().valueSerde().deserializer());
    alerts =
        driver.createOutputTopic(
            topics.alerts().name(),
            topics.alerts().keySerde().deserializer(),
            topics.alerts().valueSerde().deserializer());
    ocsfAlerts =
        topics
            .ocsfAlerts()
            .map(
                ocsf ->
                    driver.createOutputTopic(
                        ocsf.name(),
                        ocsf.keySerde().deserializer(),
                        Serdes.ByteArray().deserializer()))
            .orElse(null);
  }

  /** Every topic the topology has written to so far. */
  public Set<String> producedTopicNames() {
    return driver.producedTopicNames();
  }

  /**
   * Pipes a raw UAL MailItemsAccessed Bind record of {@link Events#TENANT}, keyed and stamped as
   * the raw topic carries it.
   */
  public void mailBind(
      String id, String user, Instant at, Events.Net from, String token, int items) {
    ualRaw.pipeInput(
        new TestRecord<>(
            Events.TENANT.getBytes(StandardCharsets.UTF_8),
            RawRecords.mailItemsAccessed(id, Events.TENANT, user, at, from.ip(), token, items),
            at));
  }

  public List<Alert> alerts() {
    return alerts.readValuesToList();
  }

  /**
   * Alice signs in at home at {@code t0} and reads mail there; her token is then used from a VPS
   * abroad a quarter of an hour later: a token replay.
   */
  public void tokenReplayOfAlice(Instant t0) {
    byte[] tenant = Events.TENANT.getBytes(StandardCharsets.UTF_8);
    signInRaw.pipeInput(
        tenant,
        RawRecords.signIn(
            "si-1", Events.TENANT, Events.ALICE, t0, "73.22.10.5", 7922L, "US", "uti-stolen"),
        t0);
    ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "ual-1",
            Events.TENANT,
            Events.ALICE,
            t0.plusSeconds(60),
            "73.22.10.5",
            "uti-stolen",
            3),
        t0.plusSeconds(60));
    ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "ual-2",
            Events.TENANT,
            Events.ALICE,
            t0.plusSeconds(900),
            "188.166.1.20",
            "uti-stolen",
            5),
        t0.plusSeconds(900));
  }

  /** Bob signs in at home at {@code at}: the tenant's sign-in feed moving on. */
  public void bobSignsIn(Instant at) {
    String id = "bob-" + at.getEpochSecond();
    signInRaw.pipeInput(
        Events.TENANT.getBytes(StandardCharsets.UTF_8),
        RawRecords.signIn("si-" + id, Events.TENANT, Events.BOB, at, "73.1.2.3", 7922L, "US", id),
        at);
  }

  /** Pipes a raw record of {@link UpgradeScenario} to its topic. */
  public void pipe(UpgradeScenario.RawRecord record) {
    (record.signIn() ? signInRaw : ualRaw)
        .pipeInput(new TestRecord<>(record.key(), record.value(), record.time()));
  }

  /** Every entry of every state store of the topology, store by store in key order. */
  public List<StoreContents.Entry> storeContents() {
    List<StoreContents.Entry> entries = new ArrayList<>();
    for (String name : new TreeSet<>(driver.getAllStateStores().keySet())) {
      WindowStore<String, Long> windows = driver.getWindowStore(name);
      if (windows != null) {
        try (KeyValueIterator<Windowed<String>, Long> all = windows.all()) {
          all.forEachRemaining(
              e ->
                  entries.add(
                      new StoreContents.Entry(
                          name,
                          e.key.key(),
                          e.key.window().start(),
                          Serdes.Long().serializer().serialize(null, e.value))));
        }
      } else {
        KeyValueStore<String, byte[]> values = driver.getKeyValueStore(name);
        try (KeyValueIterator<String, byte[]> all = values.all()) {
          all.forEachRemaining(
              e -> entries.add(new StoreContents.Entry(name, e.key, null, e.value)));
        }
      }
    }
    return entries;
  }

  /** Puts {@code entries} into the topology's state stores, as a restore from changelogs would. */
  public void restore(List<StoreContents.Entry> entries) {
    for (StoreContents.Entry e : entries) {
      if (e.windowStart() != null) {
        WindowStore<String, Long> windows = driver.getWindowStore(e.store());
        windows.put(
            e.key(), Serdes.Long().deserializer().deserialize(null, e.value()), e.windowStart());
      } else {
        KeyValueStore<String, byte[]> values = driver.getKeyValueStore(e.store());
        values.put(e.key(), e.value());
      }
    }
  }

  /** Every metric of the driver's Kafka Streams runtime, Stormwatch's own counters among them. */
  public Map<MetricName, ? extends Metric> metrics() {
    return driver.metrics();
  }

  @Override
  public void close() {
    driver.close();
  }

  private static Path newStateDirectory() {
    try {
      Path directory = Files.createTempDirectory("stormwatch-topology-test-");
      directory.toFile().deleteOnExit(); // the driver deletes what it wrote inside on close
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
