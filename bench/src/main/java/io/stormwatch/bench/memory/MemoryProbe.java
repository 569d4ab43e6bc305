package io.stormwatch.bench.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/** Measures heap after a full collection, the process's resident set and a directory's size. */
public final class MemoryProbe {

  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  private MemoryProbe() {}

  /**
   * Takes the figures now. Runs full collections first, so live heap is what remains; this pauses
   * the process briefly.
   *
   * @param stateDirectory the directory whose size on disk is reported, or null
   */
  public static MemoryFigures snapshot(String when, Path stateDirectory) {
    return new MemoryFigures(
        when,
        heapAfterFullGc(),
        Runtime.getRuntime().maxMemory(),
        residentSetBytes().orElse(-1L),
        stateDirectory == null ? -1 : sizeOnDisk(stateDirectory));
  }

  /** Heap in use after two full collections (the second collects what finalisation freed). */
  @SuppressWarnings("java:S1215") // an explicit GC is the point of a heap-after-GC figure
  static long heapAfterFullGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** VmRSS from /proc on Linux; empty elsewhere. */
  static Optional<Long> residentSetBytes() {
    if (!Files.isReadable(PROC_STATUS)) {
      return Optional.empty();
    }
    try {
      return vmRssBytes(Files.readAllLines(PROC_STATUS));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Parses the {@code VmRSS: 123456 kB} line of /proc/self/status. */
  static Optional<Long> vmRssBytes(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        try {
          return Optional.of(Long.parseLong(parts[0]) * 1024);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Sum of the sizes of the regular files under {@code directory}; 0 if it does not exist. */
  public static long sizeOnDisk(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    long[] total = {0};
    try {
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile()) {
                total[0] += attributes.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException vanished) {
              return FileVisitResult.CONTINUE; // RocksDB deletes files while it runs
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + directory, e);
    }
    return total[0];
  }
}
