package io.stormwatch.detector.app;

import io.stormwatch.detector.config.StormwatchConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** How the detector runs on Kafka: the Kafka Streams properties derived from configuration. */
public final class StreamsProperties {

  private StreamsProperties() {}

  public static Properties of(StormwatchConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
    config.stateDir().ifPresent(dir -> props.put(StreamsConfig.STATE_DIR_CONFIG, dir));
    config
        .stateMemoryBytes()
        .ifPresent(
            bytes -> {
              props.put(
                  StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                  BoundedRocksDbMemory.class.getName());
              props.put(BoundedRocksDbMemory.BUDGET_BYTES, bytes);
            });
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, config.rawMergeWait().toMillis());
    // Bad input never stops the pipeline: what the topology cannot deserialize or process is
    // dead-lettered by Kafka Streams itself (headers __streams.errors.*), then skipped.
    props.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().deadLetters());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class.getName());
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // A rejected raw message goes to the dead-letter topic whole, up to the normaliser's limit.
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        config.topicLayout().maxTopicMessageBytes());
    props.putAll(config.kafkaOverrides());
    return props;
  }
}
