package io.stormwatch.bench.memory;

/**
 * Memory at one point of a run.
 *
 * @param when where in the run the figures were taken
 * @param heapAfterGcBytes heap in use right after a full collection
 * @param maxHeapBytes the heap limit (-Xmx)
 * @param rssBytes resident set size of the process (heap, RocksDB, broker, code), or -1 where the
 *     platform does not tell
 * @param stateStoreBytes size on disk of the pipeline's state directory (RocksDB files), -1 if
 *     unknown
 */
public record MemoryFigures(
    String when, long heapAfterGcBytes, long maxHeapBytes, long rssBytes, long stateStoreBytes) {}
