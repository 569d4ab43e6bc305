package io.stormwatch.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryProbeTest {

  @Test
  void readsTheResidentSetFromProcStatus() {
    List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000 kB", "VmRSS:\t  123456 kB");

    assertThat(MemoryProbe.vmRssBytes(status)).contains(123_456L * 1024);
    assertThat(MemoryProbe.vmRssBytes(List.of("Name:\tjava"))).isEmpty();
  }

  @Test
  void sumsTheFilesOfADirectoryTree(@TempDir Path directory) throws IOException {
    Files.write(directory.resolve("a.sst"), new byte[1000]);
    Files.createDirectories(directory.resolve("store/0_1"));
    Files.write(directory.resolve("store/0_1/b.sst"), new byte[24]);

    assertThat(MemoryProbe.sizeOnDisk(directory)).isEqualTo(1024);
    assertThat(MemoryProbe.sizeOnDisk(directory.resolve("missing"))).isZero();
  }
}
