package io.stormwatch.traffic.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a file layout by its command-line name. */
final class LayoutNames {

  private LayoutNames() {}

  /**
   * The layout of {@code type} named {@code text}, ignoring case and surrounding blanks.
   *
   * @param what what a layout of this type is called in the message, e.g. "UAL layout"
   * @throws IllegalArgumentException naming the layouts there are
   */
  static <L extends Enum<L>> L parse(
      Class<L> type, Function<L, String> label, String text, String what) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants())
        .filter(layout -> label.apply(layout).equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + text + "' is not a " + what + "; use one of " + list(type, label)));
  }

  /** The command-line names of {@code type}'s layouts, comma-separated. */
  static <L extends Enum<L>> String list(Class<L> type, Function<L, String> label) {
    return Arrays.stream(type.getEnumConstants()).map(label).collect(Collectors.joining(", "));
  }
}
