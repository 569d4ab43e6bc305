package io.stormwatch.traffic.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The files a replay reads: the ones named, and every file beneath a directory named. */
public final class RecordingFiles {

  private RecordingFiles() {}

  /**
   * Expands directories into the regular files beneath them, in path order; a file named twice is
   * read once.
   *
   * @param paths files and directories, as given on the command line
   * @return the files, in the order given, each directory's files sorted by path
   * @throws NoSuchFileException if a path does not exist
   * @throws IOException if a directory cannot be listed
   */
  public static List<Path> expand(List<Path> paths) throws IOException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> below = Files.walk(path)) {
          below.filter(Files::isRegularFile).sorted().forEach(f -> files.add(f.normalize()));
        }
      } else if (Files.exists(path)) {
        files.add(path.normalize());
      } else {
        throw new NoSuchFileException(path.toString(), null, "no such file or directory");
      }
    }
    return new ArrayList<>(files);
  }
}
