package io.stormwatch.detector.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * How far the restoration of local state from its changelogs has come, per store: records restored
 * so far, records still to restore and changelog partitions being restored now. Kafka Streams calls
 * it from the threads that restore; it is read from anywhere.
 *
 * <p>Records still to restore start as the changelog's end offset minus the restore's start offset,
 * which counts transaction markers too, so the figure can stay above zero until the restore of a
 * partition ends; it is then dropped.
 */
public final class RestoreProgress implements StateRestoreListener, MeterBinder {

  private record Restoring(String store, AtomicLong remaining) {}

  private final List<String> stores;
  private final Map<TopicPartition, Restoring> inProgress = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> restored = new ConcurrentHashMap<>();

  /**
   * @param stores the stores of the topology, reported at zero before any restore
   */
  public RestoreProgress(Collection<String> stores) {
    this.stores = List.copyOf(stores);
  }

  @Override
  public void onRestoreStart(
      TopicPartition partition, String store, long startingOffset, long endingOffset) {
    inProgress.put(
        partition,
        new Restoring(store, new AtomicLong(Math.max(0, endingOffset - startingOffset))));
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String store, long batchEndOffset, long numRestored) {
    restoredOf(store).add(numRestored);
    Restoring restoring = inProgress.get(partition);
    if (restoring != null) {
      restoring.remaining().updateAndGet(left -> Math.max(0, left - numRestored));
    }
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    inProgress.remove(partition);
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    // The task moved to another instance mid-restore; what is left is no longer this one's work.
    inProgress.remove(partition);
  }

  /** Changelog partitions being restored now. */
  public int partitionsRestoring() {
    return inProgress.size();
  }

  /** Records of {@code store} restored since start. */
  public long restored(String store) {
    LongAdder adder = restored.get(store);
    return adder == null ? 0 : adder.sum();
  }

  /** Records of {@code store} still to restore in the restores under way. */
  public long remaining(String store) {
    return inProgress.values().stream()
        .filter(r -> r.store().equals(store))
        .mapToLong(r -> r.remaining().get())
        .sum();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String store : stores) {
      FunctionCounter.builder(
              "stormwatch.restore.restored.records", this, progress -> progress.restored(store))
          .description("Records of the store restored from its changelog since start.")
          .tag("store", store)
          .register(registry);
      Gauge.builder(
              "stormwatch.restore.remaining.records", this, progress -> progress.remaining(store))
          .description("Records of the store still to restore from its changelog.")
          .tag("store", store)
          .register(registry);
    }
    Gauge.builder("stormwatch.restore.partitions", this, RestoreProgress::partitionsRestoring)
        .description("Changelog partitions being restored now; /ready answers 503 while above 0.")
        .register(registry);
  }

  private LongAdder restoredOf(String store) {
    return restored.computeIfAbsent(store, s -> new LongAdder());
  }
}
