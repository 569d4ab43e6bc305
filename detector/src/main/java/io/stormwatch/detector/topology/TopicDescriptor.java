package io.stormwatch.detector.topology;

import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values, built once from configuration. */
public record TopicDescriptor<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
