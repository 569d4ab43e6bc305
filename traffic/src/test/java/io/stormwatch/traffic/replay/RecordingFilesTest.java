package io.stormwatch.traffic.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFilesTest {

  @TempDir Path dir;

  @Test
  void readsDirectoriesRecursivelyInPathOrderAndEachFileOnce() throws Exception {
    Path b = Files.writeString(Files.createDirectories(dir.resolve("x")).resolve("b.jsonl"), "");
    Path a = Files.writeString(dir.resolve("a.csv"), "");

    assertThat(RecordingFiles.expand(List.of(dir, a))).containsExactly(a, b);
  }

  @Test
  void refusesAPathThatDoesNotExist() {
    assertThatThrownBy(() -> RecordingFiles.expand(List.of(dir.resolve("missing.jsonl"))))
        .isInstanceOf(NoSuchFileException.class);
  }
}
