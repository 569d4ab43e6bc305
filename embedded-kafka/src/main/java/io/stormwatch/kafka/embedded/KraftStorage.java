package io.stormwatch.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats the node's directories for KRaft, as {@code kafka-storage.sh format} does: writes {@code
 * meta.properties} (cluster and node id) and the bootstrap metadata (the latest production metadata
 * version and feature levels) that the controller starts from.
 */
final class KraftStorage {

  private static final String TRANSACTION_VERSION = "transaction.version";
  private static final short TRANSACTIONS_V1 = 1;

  private KraftStorage() {}

  /**
   * Formats the directories of {@code config} that are not formatted yet and leaves the others as
   * they are, so that a caller-owned directory keeps its data (and cluster id) across runs.
   */
  static void formatIfNeeded(KafkaConfig config) {
    formatIfNeeded(config, List.of());
  }

  /**
   * Like {@link #formatIfNeeded(KafkaConfig)}, and a fresh format also writes SCRAM users into the
   * bootstrap metadata ({@code kafka-storage format --add-scram}).
   *
   * @param scramArguments one {@code MECHANISM=[name=...,password=...]} per user
   */
  static void formatIfNeeded(KafkaConfig config, List<String> scramArguments) {
    String clusterId = existingClusterId(config).orElseGet(() -> Uuid.randomUuid().toString());
    Formatter formatter =
        new Formatter()
            // The formatter reports progress on stdout; a library must not write there.
            .setPrintStream(
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
            .setClusterId(clusterId)
            .setNodeId(config.nodeId())
            .setControllerListenerName(config.controllerListenerNames().get(0))
            .setMetadataLogDirectory(config.metadataLogDir())
            .setDirectories(config.logDirs())
            .setUnstableFeatureVersionsEnabled(config.unstableFeatureVersionsEnabled())
            // Transactions v2 (KIP-890) on a single node: a produce retried after
            // CONCURRENT_TRANSACTIONS is refused with OutOfOrderSequenceException, which aborts the
            // exactly-once transaction and makes Kafka Streams wipe and restore its tasks. Version
            // 1
            // is the well-trodden protocol and keeps exactly-once steady.
            .setFeatureLevel(TRANSACTION_VERSION, TRANSACTIONS_V1)
            .setScramArguments(scramArguments)
            .setIgnoreFormatted(true);
    try {
      formatter.run();
    } catch (Exception e) {
      throw new EmbeddedKafkaException(
          "could not format Kafka storage in " + config.logDirs() + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> existingClusterId(KafkaConfig config) {
    try {
      return new MetaPropertiesEnsemble.Loader()
          .addLogDirs(config.logDirs())
          .addMetadataLogDir(config.metadataLogDir())
          .load()
          .clusterId();
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "could not read Kafka storage in " + config.logDirs() + ": " + e.getMessage(), e);
    }
  }
}
