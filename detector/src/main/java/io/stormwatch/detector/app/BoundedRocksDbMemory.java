package io.stormwatch.detector.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store of the process by one budget: all stores share
 * one block cache, and their memtables are charged to that cache through one write buffer manager.
 *
 * <p>Why: by default each store of each task has its own memtables and block cache, so native
 * memory grows with the number of stores times tasks (about 3 GiB for six tasks in the benchmark),
 * and no JVM flag bounds it. The budget is per process, whatever the number of tasks, stores or
 * stream threads; index and filter blocks live in the cache too, so they count against it.
 *
 * <p>The cache and the manager are shared on purpose (Kafka Streams' documented pattern): one per
 * budget size, created by the first store and never closed by a store's {@link #close}.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** The Streams property that carries the budget in bytes to this setter. */
  public static final String BUDGET_BYTES = "stormwatch.rocksdb.memory.bytes";

  /** Share of the budget that memtables (writes not yet flushed) may take. */
  static final double MEMTABLE_SHARE = 0.5;

  /** Share of the cache kept for index and filter blocks, which every read needs. */
  static final double INDEX_AND_FILTER_SHARE = 0.1;

  private static final Map<Long, SharedMemory> BY_BUDGET = new ConcurrentHashMap<>();

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    long budget = Long.parseLong(String.valueOf(configs.get(BUDGET_BYTES)));
    SharedMemory memory = BY_BUDGET.computeIfAbsent(budget, SharedMemory::of);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(memory.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(memory.writeBuffers());
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager outlive any one store: see the class comment.
  }

  /** The cache and write buffer manager of one budget. */
  record SharedMemory(Cache cache, WriteBufferManager writeBuffers) {
    static SharedMemory of(long budgetBytes) {
      Cache cache = new LRUCache(budgetBytes, -1, false, INDEX_AND_FILTER_SHARE);
      return new SharedMemory(
          cache, new WriteBufferManager((long) (budgetBytes * MEMTABLE_SHARE), cache));
    }
  }

  /** The shared memory of {@code budgetBytes}, if a store has been configured with it. */
  static SharedMemory sharedMemoryOf(long budgetBytes) {
    return BY_BUDGET.get(budgetBytes);
  }
}
