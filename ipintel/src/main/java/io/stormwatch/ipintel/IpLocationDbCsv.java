package io.stormwatch.ipintel;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the numeric CSV range tables of the npm packages {@code @ip-location-db/asn} ({@code
 * first,last,asn,organisation}) and {@code @ip-location-db/asn-country} ({@code first,last,CC}).
 */
final class IpLocationDbCsv {

  private IpLocationDbCsv() {}

  /**
   * Reads an ASN table such as {@code asn-ipv4-num.csv} into ranges of networks with no country.
   *
   * @throws IOException if the file cannot be read or a row is malformed
   */
  static List<AddressRange<Network>> readAsnRanges(Path file) throws IOException {
    List<AddressRange<Network>> ranges = new ArrayList<>();
    readRows(
        file,
        4,
        fields -> {
          long asn = Long.parseLong(fields.get(2));
          String organisation = fields.get(3).isBlank() ? null : fields.get(3);
          ranges.add(range(fields, new Network(asn, organisation, null)));
        });
    return ranges;
  }

  /**
   * Reads a country table such as {@code asn-country-ipv4-num.csv} into ranges of country codes.
   *
   * @throws IOException if the file cannot be read or a row is malformed
   */
  static List<AddressRange<String>> readCountryRanges(Path file) throws IOException {
    List<AddressRange<String>> ranges = new ArrayList<>();
    readRows(file, 3, fields -> ranges.add(range(fields, fields.get(2))));
    return ranges;
  }

  /**
   * Splits one CSV line (RFC 4180: fields may be double-quoted, {@code ""} is a quote inside).
   *
   * @throws IllegalArgumentException if a quoted field is not closed or is followed by text
   */
  static List<String> splitLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new IllegalArgumentException("unterminated quoted field");
          }
          char c = line.charAt(i++);
          if (c != '"') {
            field.append(c);
          } else if (i < line.length() && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            break;
          }
        }
        if (i < line.length() && line.charAt(i) != ',') {
          throw new IllegalArgumentException("text after closing quote at column " + i);
        }
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= line.length()) {
        return fields;
      }
      i++;
    }
  }

  private static <V> AddressRange<V> range(List<String> fields, V value) {
    return new AddressRange<>(new BigInteger(fields.get(0)), new BigInteger(fields.get(1)), value);
  }

  private static void readRows(Path file, int fieldCount, Consumer<List<String>> handler)
      throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isEmpty()) {
          continue;
        }
        try {
          List<String> fields = splitLine(line);
          if (fields.size() != fieldCount) {
            throw new IllegalArgumentException(
                "expected " + fieldCount + " fields, found " + fields.size());
          }
          handler.accept(fields);
        } catch (IllegalArgumentException e) {
          throw new IOException(file + ":" + lineNumber + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
