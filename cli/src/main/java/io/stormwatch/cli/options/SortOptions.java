package io.stormwatch.cli.options;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where and with how much memory a replay sorts recordings by event time. */
public final class SortOptions {

  @Option(
      names = "--sort-memory",
      paramLabel = "SIZE",
      defaultValue = "64m",
      converter = ByteSizeConverter.class,
      description =
          "Records held in memory while sorting by event time; beyond that, sorted runs are"
              + " spilled to --temp-dir and merged (default: ${DEFAULT-VALUE}).")
  long sortMemory;

  @Option(
      names = "--temp-dir",
      paramLabel = "DIR",
      description = "Where sorted runs are spilled (default: the system's temporary directory).")
  Path tempDir;

  public long sortMemoryBytes() {
    return sortMemory;
  }

  public Path tempDirectory() {
    return tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Reads sizes such as {@code 512k}, {@code 64m} or {@code 2g}. */
  static final class ByteSizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      long unit = 1;
      char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
      if (last == 'k' || last == 'm' || last == 'g') {
        unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
        text = text.substring(0, text.length() - 1);
      }
      try {
        long size = Long.parseLong(text) * unit;
        if (size > 0) {
          return size;
        }
      } catch (NumberFormatException notANumber) {
        // reported below
      }
      throw new TypeConversionException(
          "'" + value + "' is not a size: write bytes, or e.g. 512k, 64m, 2g");
    }
  }
}
