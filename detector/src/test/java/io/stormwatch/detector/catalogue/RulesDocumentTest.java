package io.stormwatch.detector.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * README.md's rule documentation is what the catalogue generates: a rule, a setting or a text
 * changed in code shows in the README in the same commit. To bring the README up to date, run this
 * test with {@code -Dreadme.update=true} (it rewrites the blocks), or paste what {@code
 * ./stormwatch config --print-rules-markdown} prints.
 */
class RulesDocumentTest {

  private static final Path README = Path.of("..", "README.md");

  static Iterable<String> blocks() {
    return RulesDocument.BLOCKS;
  }

  @ParameterizedTest
  @MethodSource("blocks")
  void theReadmeHoldsTheGeneratedBlock(String name) throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("readme.update")) {
      readme = replaceBlock(readme, name, RulesDocument.block(name));
      Files.writeString(README, readme, StandardCharsets.UTF_8);
    }

    assertThat(blockIn(readme, name))
        .as(
            "README.md's %s block differs from the rule catalogue: run this test with"
                + " -Dreadme.update=true to rewrite it",
            name)
        .isEqualTo(RulesDocument.block(name));
  }

  private static String blockIn(String readme, String name) {
    int begin = readme.indexOf(RulesDocument.begin(name) + "\n");
    int end = readme.indexOf(RulesDocument.end(name));
    assertThat(begin).as("README.md has the line %s", RulesDocument.begin(name)).isNotNegative();
    assertThat(end).as("README.md has the line %s", RulesDocument.end(name)).isGreaterThan(begin);
    return readme.substring(begin + RulesDocument.begin(name).length() + 1, end);
  }

  private static String replaceBlock(String readme, String name, String block) {
    int begin = readme.indexOf(RulesDocument.begin(name) + "\n");
    int end = readme.indexOf(RulesDocument.end(name));
    if (begin < 0 || end < begin) {
      return readme;
    }
    return readme.substring(0, begin + RulesDocument.begin(name).length() + 1)
        + block
        + readme.substring(end);
  }
}
