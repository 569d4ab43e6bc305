package io.stormwatch.detector.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

  static {
    RocksDB.loadLibrary();
  }

  private static final long BUDGET = 64L * 1024 * 1024;
  private static final Map<String, Object> CONFIGS =
      Map.of(BoundedRocksDbMemory.BUDGET_BYTES, BUDGET);

  @Test
  void everyStoreSharesOneCacheAndOneWriteBufferManagerOfTheBudget() {
    try (Options first = storeOptions();
        Options second = storeOptions()) {
      BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

      setter.setConfig("account-state", first, CONFIGS);
      setter.setConfig("tenant-context", second, CONFIGS);

      BoundedRocksDbMemory.SharedMemory shared = BoundedRocksDbMemory.sharedMemoryOf(BUDGET);
      assertThat(shared).isNotNull();
      assertThat(first.writeBufferManager()).isSameAs(shared.writeBuffers());
      assertThat(second.writeBufferManager()).isSameAs(shared.writeBuffers());
      BlockBasedTableConfig table = (BlockBasedTableConfig) first.tableFormatConfig();
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
    }
  }

  @Test
  void closingAStoreLeavesTheSharedMemoryToTheOthers() {
    try (Options options = storeOptions()) {
      BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
      setter.setConfig("account-state", options, CONFIGS);
      BoundedRocksDbMemory.SharedMemory shared = BoundedRocksDbMemory.sharedMemoryOf(BUDGET);

      setter.close("account-state", options);

      assertThat(shared.cache().isOwningHandle()).isTrue();
      assertThat(shared.writeBuffers().isOwningHandle()).isTrue();
    }
  }

  /** Options as Kafka Streams hands them to a config setter: block-based tables. */
  private static Options storeOptions() {
    Options options = new Options();
    options.setTableFormatConfig(new BlockBasedTableConfig());
    return options;
  }
}
