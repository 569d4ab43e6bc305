package io.stormwatch.traffic.replay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Puts records into {@linkplain ReplayRecord#REPLAY_ORDER replay order} in bounded memory, with an
 * external merge sort: records are buffered up to a memory budget; a full buffer is sorted and
 * spilled to a temporary file as a sorted run; at the end the runs and the last buffer are merged k
 * ways, one record per run in memory. More than {@value #MAX_FAN_IN} runs are first merged into
 * longer runs, so that the number of open files stays bounded too.
 *
 * <p>Use once: {@link #add} every record, then iterate {@link #sorted()}; {@link #close()} deletes
 * the temporary files. Not thread-safe.
 */
final class EventTimeSorter implements Closeable {

  /** Runs merged at once; each costs an open file and a read buffer. */
  static final int MAX_FAN_IN = 64;

  private static final int IO_BUFFER_BYTES = 64 * 1024;

  private final long memoryBudget;
  private final Path spillParent;
  private final List<ReplayRecord> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private final List<Closeable> openRuns = new ArrayList<>();
  private Path spillDirectory;
  private long bufferedBytes;
  private long count;
  private int runsWritten;

  /**
   * @param memoryBudget bytes of records held in memory before a run is spilled
   * @param spillParent where the temporary directory of spilled runs is created
   * @throws IllegalArgumentException if the budget is not positive
   */
  EventTimeSorter(long memoryBudget, Path spillParent) {
    if (memoryBudget <= 0) {
      throw new IllegalArgumentException("sort memory must be positive, was " + memoryBudget);
    }
    this.memoryBudget = memoryBudget;
    this.spillParent = spillParent;
  }

  void add(ReplayRecord record) throws IOException {
    buffer.add(record);
    bufferedBytes += record.estimatedSize();
    count++;
    if (bufferedBytes >= memoryBudget) {
      spillBuffer();
    }
  }

  /** Records added. */
  long count() {
    return count;
  }

  /** Sorted runs written to disk so far, merge passes included. */
  int spilledRuns() {
    return runsWritten;
  }

  /**
   * Every record added, in replay order. The iterator throws {@link UncheckedIOException} if a
   * spilled run cannot be read back.
   */
  Iterator<ReplayRecord> sorted() throws IOException {
    buffer.sort(ReplayRecord.REPLAY_ORDER);
    if (runs.isEmpty()) {
      return List.copyOf(buffer).iterator();
    }
    while (runs.size() + 1 > MAX_FAN_IN) {
      List<Path> group = new ArrayList<>(runs.subList(0, MAX_FAN_IN));
      runs.subList(0, MAX_FAN_IN).clear();
      runs.add(mergeToRun(group));
    }
    List<Iterator<ReplayRecord>> sources = new ArrayList<>();
    for (Path run : runs) {
      sources.add(openRun(run));
    }
    sources.add(new ArrayList<>(buffer).iterator());
    buffer.clear();
    return new MergingIterator(sources);
  }

  @Override
  public void close() throws IOException {
    for (Closeable run : openRuns) {
      run.close();
    }
    openRuns.clear();
    buffer.clear();
    if (spillDirectory != null) {
      try (Stream<Path> files = Files.list(spillDirectory)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(spillDirectory);
      spillDirectory = null;
    }
  }

  private void spillBuffer() throws IOException {
    buffer.sort(ReplayRecord.REPLAY_ORDER);
    runs.add(writeRun(buffer.iterator()));
    buffer.clear();
    bufferedBytes = 0;
  }

  private Path mergeToRun(List<Path> group) throws IOException {
    List<RunReader> readers = new ArrayList<>();
    try {
      for (Path run : group) {
        readers.add(new RunReader(run));
      }
      Path merged = writeRun(new MergingIterator(new ArrayList<>(readers)));
      for (Path run : group) {
        Files.delete(run);
      }
      return merged;
    } finally {
      for (RunReader reader : readers) {
        reader.close();
      }
    }
  }

  private Path writeRun(Iterator<ReplayRecord> records) throws IOException {
    if (spillDirectory == null) {
      spillDirectory = Files.createTempDirectory(spillParent, "stormwatch-replay-sort-");
    }
    Path run = spillDirectory.resolve("run-" + runsWritten++ + ".bin");
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(Files.newOutputStream(run), IO_BUFFER_BYTES))) {
      while (records.hasNext()) {
        SpillCodec.write(records.next(), out);
      }
    }
    return run;
  }

  private RunReader openRun(Path run) throws IOException {
    RunReader reader = new RunReader(run);
    openRuns.add(reader);
    return reader;
  }

  /** Reads one spilled run back, one record ahead. */
  private static final class RunReader implements Iterator<ReplayRecord>, Closeable {
    private final DataInputStream in;
    private ReplayRecord next;

    RunReader(Path run) throws IOException {
      this.in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(run), IO_BUFFER_BYTES));
      advance();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public ReplayRecord next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      ReplayRecord current = next;
      try {
        advance();
      } catch (IOException unreadable) {
        throw new UncheckedIOException("cannot read back a sorted run", unreadable);
      }
      return current;
    }

    private void advance() throws IOException {
      next = SpillCodec.read(in);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Merges sorted sources into one sorted sequence, holding one record per source. */
  private static final class MergingIterator implements Iterator<ReplayRecord> {
    private record Head(ReplayRecord record, Iterator<ReplayRecord> source) {}

    private final PriorityQueue<Head> heads =
        new PriorityQueue<>(Comparator.comparing(Head::record, ReplayRecord.REPLAY_ORDER));

    MergingIterator(List<? extends Iterator<ReplayRecord>> sources) {
      for (Iterator<ReplayRecord> source : sources) {
        if (source.hasNext()) {
          heads.add(new Head(source.next(), source));
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public ReplayRecord next() {
      Head head = heads.poll();
      if (head == null) {
        throw new NoSuchElementException();
      }
      if (head.source().hasNext()) {
        heads.add(new Head(head.source().next(), head.source()));
      }
      return head.record();
    }
  }
}
