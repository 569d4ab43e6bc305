package io.stormwatch.detector.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a topology's state stores hold, as text: one line per entry, {@code store key window value},
 * the value in hexadecimal; {@code window} is the window's start for a window store and {@code -}
 * for a key-value store. Keys hold no spaces.
 */
public final class StoreContents {

  /** One entry of one store; {@code windowStart} is null in a key-value store. */
  public record Entry(String store, String key, Long windowStart, byte[] value) {

    String line() {
      return store
          + " "
          + key
          + " "
          + (windowStart == null ? "-" : windowStart.toString())
          + " "
          + HexFormat.of().formatHex(value);
    }

    static Entry parse(String line) {
      String[] parts = line.split(" ");
      return new Entry(
          parts[0],
          parts[1],
          parts[2].equals("-") ? null : Long.valueOf(parts[2]),
          HexFormat.of().parseHex(parts[3]));
    }
  }

  private StoreContents() {}

  public static String format(List<Entry> entries) {
    StringBuilder out = new StringBuilder();
    entries.forEach(e -> out.append(e.line()).append('\n'));
    return out.toString();
  }

  /** Reads a file written by {@link #format} from the test class path; lines starting # skipped. */
  public static List<Entry> read(String resource) {
    try (InputStream in = StoreContents.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException(resource + " is not on the test class path");
      }
      List<Entry> entries = new ArrayList<>();
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .forEach(line -> entries.add(Entry.parse(line)));
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
