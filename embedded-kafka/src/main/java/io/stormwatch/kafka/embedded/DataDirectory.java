package io.stormwatch.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Where a broker keeps its data: a temporary directory it owns, or one the caller owns. */
final class DataDirectory {

  private static final String TEMPORARY_PREFIX = "stormwatch-kafka-";

  private final Path path;
  private final boolean temporary;

  private DataDirectory(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  /** A new, empty directory under {@code java.io.tmpdir}, deleted by {@link #release()}. */
  static DataDirectory createTemporary() {
    try {
      return new DataDirectory(Files.createTempDirectory(TEMPORARY_PREFIX), true);
    } catch (IOException e) {
      throw new EmbeddedKafkaException("could not create a temporary Kafka data directory", e);
    }
  }

  /** The caller's directory, created if missing and never deleted. */
  static DataDirectory callerOwned(Path path) {
    try {
      return new DataDirectory(Files.createDirectories(path.toAbsolutePath()), false);
    } catch (IOException e) {
      throw new EmbeddedKafkaException("could not create Kafka data directory " + path, e);
    }
  }

  Path path() {
    return path;
  }

  /** Deletes the directory and everything in it if it is temporary; a no-op otherwise. */
  void release() {
    if (temporary) {
      deleteRecursively(path);
    }
  }

  private static void deleteRecursively(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              Files.deleteIfExists(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException alreadyGone) {
      // Nothing left to delete.
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete Kafka data directory " + root, e);
    }
  }

  @Override
  public String toString() {
    return path + (temporary ? " (temporary)" : "");
  }
}
