package io.stormwatch.traffic.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewestFirstSpoolTest {

  @TempDir Path dir;

  @Test
  void givesItemsBackLastFirstAcrossSpilledChunks() throws Exception {
    List<String> items = new ArrayList<>();
    List<String> read = new ArrayList<>();
    try (NewestFirstSpool spool = new NewestFirstSpool(100, dir)) {
      for (int i = 0; i < 50; i++) {
        items.add("item-" + i);
        spool.add(("item-" + i).getBytes(StandardCharsets.UTF_8));
      }
      spool.newestFirst().forEachRemaining(b -> read.add(new String(b, StandardCharsets.UTF_8)));
      assertThat(filesUnder(dir)).isNotEmpty();
    }

    Collections.reverse(items);
    assertThat(read).containsExactlyElementsOf(items);
    assertThat(filesUnder(dir)).isEmpty();
  }

  private static List<Path> filesUnder(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
