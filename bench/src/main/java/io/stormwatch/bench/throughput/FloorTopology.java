package io.stormwatch.bench.throughput;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The floor: the simplest stateful Kafka Streams application over the raw topics. It reads both raw
 * topics, finds each record's account with a byte search ({@link AccountField}), re-keys the record
 * to {@code tenant/account} with an empty value, repartitions by that key through one internal
 * topic, and counts records per account in 1-minute tumbling event-time windows in a RocksDB window
 * store (changelogged, cached). Nothing else: no parsing, no output topic.
 */
public final class FloorTopology {

  public static final String UAL_SOURCE = "floor-ual-source";
  public static final String SIGNIN_SOURCE = "floor-signin-source";
  public static final String REPARTITION = "floor-by-account";
  public static final String COUNT_STORE = "floor-counts-per-minute";
  public static final Duration WINDOW = Duration.ofMinutes(1);

  private static final byte[] EMPTY = new byte[0];

  private FloorTopology() {}

  /**
   * Builds the floor over {@code ualTopic} and {@code signInTopic}; {@code grace} is how late a
   * record may be for its window (the pipeline's own lateness grace, for a like-for-like store).
   */
  public static Topology build(
      String ualTopic, String signInTopic, Duration grace, Properties streamsProperties) {
    StreamsBuilder builder = new StreamsBuilder();
    Consumed<byte[], byte[]> bytes = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray());
    KStream<String, byte[]> ual =
        builder.stream(ualTopic, bytes.withName(UAL_SOURCE))
            .map(
                (tenant, json) ->
                    KeyValue.pair(AccountField.UAL_USER_ID.accountKey(tenant, json), EMPTY),
                Named.as("floor-ual-account"));
    KStream<String, byte[]> signIn =
        builder.stream(signInTopic, bytes.withName(SIGNIN_SOURCE))
            .map(
                (tenant, json) ->
                    KeyValue.pair(AccountField.SIGN_IN_UPN.accountKey(tenant, json), EMPTY),
                Named.as("floor-signin-account"));
    ual.merge(signIn, Named.as("floor-merge"))
        .filter((account, empty) -> account != null, Named.as("floor-has-account"))
        .groupByKey(Grouped.with(REPARTITION, Serdes.String(), Serdes.ByteArray()))
        .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, grace))
        .count(
            Named.as("floor-count"),
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(COUNT_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()));
    return builder.build(streamsProperties);
  }

  /** The internal topic the floor repartitions through. */
  public static String repartitionTopic(String applicationId) {
    return applicationId + "-" + REPARTITION + "-repartition";
  }
}
