package io.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * README.md's table of contents lists its sections in order, and every link inside the README or to
 * a file of the project leads somewhere: a renamed section or a moved page breaks the build, not a
 * reader's click.
 */
class ReadmeContentsTest {

  private static final Path PROJECT = Path.of("..");
  private static final Pattern CONTENTS_ENTRY = Pattern.compile("^- \\[(.+)]\\(#([^)]+)\\)$");
  private static final Pattern LINK = Pattern.compile("]\\(([^)\\s]+)\\)");

  @Test
  void contentsListsEverySectionInOrder() throws IOException {
    List<String> lines = readmeOutsideCodeBlocks();
    List<String> sections =
        lines.stream()
            .filter(line -> line.startsWith("## ") && !line.equals("## Contents"))
            .map(line -> line.substring(3))
            .toList();
    List<String> contents =
        lines.stream()
            .map(CONTENTS_ENTRY::matcher)
            .filter(Matcher::matches)
            .map(entry -> entry.group(1))
            .toList();

    assertThat(contents).containsExactlyElementsOf(sections);
  }

  @Test
  void everyLinkLeadsToASectionOrAFile() throws IOException {
    List<String> lines = readmeOutsideCodeBlocks();
    Set<String> anchors =
        lines.stream()
            .filter(line -> line.startsWith("#"))
            .map(line -> anchorOf(line.replaceFirst("^#+ ", "")))
            .collect(Collectors.toSet());
    List<String> broken = new ArrayList<>();
    for (String line : lines) {
      Matcher link = LINK.matcher(line);
      while (link.find()) {
        String target = link.group(1);
        if (target.startsWith("http://") || target.startsWith("https://")) {
          continue;
        }
        boolean leads =
            target.startsWith("#")
                ? anchors.contains(target.substring(1))
                : Files.exists(PROJECT.resolve(target.replaceFirst("#.*$", "")));
        if (!leads) {
          broken.add(target);
        }
      }
    }

    assertThat(broken).as("links in README.md that lead nowhere").isEmpty();
  }

  /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String anchorOf(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
        .replace(' ', '-');
  }

  private static List<String> readmeOutsideCodeBlocks() throws IOException {
    List<String> outside = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(PROJECT.resolve("README.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (!inCode) {
        outside.add(line);
      }
    }
    return outside;
  }
}
