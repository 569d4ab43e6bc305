package io.stormwatch.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared conformance corpus: {@code -Dstormwatch.corpus}, else beside the repository. */
final class CorpusLocation {
  private CorpusLocation() {}

  static Optional<Path> find() {
    String configured = System.getProperty("stormwatch.corpus");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
    return repositoryRoot()
        .map(root -> root.resolveSibling("shared").resolve("corpus"))
        .filter(Files::isDirectory);
  }

  /** The nearest ancestor holding {@code .git}, else the topmost one of a run holding a pom. */
  private static Optional<Path> repositoryRoot() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return Optional.of(dir);
      }
    }
    Path topmostPom = null;
    for (Path dir = start;
        dir != null && Files.exists(dir.resolve("pom.xml"));
        dir = dir.getParent()) {
      topmostPom = dir;
    }
    return Optional.ofNullable(topmostPom);
  }
}
