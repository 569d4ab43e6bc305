package io.stormwatch.formats;

import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.ParseResult.Rejected;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts what one corpus file produced, for the printed conformance summary. */
final class CorpusTally {
  private final String file;
  private int records;
  private int parsed;
  private int rejected;
  private final Map<String, Integer> reasons = new LinkedHashMap<>();

  CorpusTally(String file) {
    this.file = file;
  }

  void record() {
    records++;
  }

  void count(ParseResult result) {
    if (result instanceof Parsed) {
      parsed++;
    } else {
      Rejected rejection = (Rejected) result;
      rejected++;
      reasons.merge(rejection.errorType() + ": " + rejection.reason(), 1, Integer::sum);
    }
  }

  int records() {
    return records;
  }

  int parsed() {
    return parsed;
  }

  int rejected() {
    return rejected;
  }

  String row() {
    String top =
        reasons.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
            .limit(3)
            .map(entry -> entry.getKey() + " ×" + entry.getValue())
            .collect(Collectors.joining("; "));
    return String.format(
        "%-70s %7d %7d %8d  %s", file, records, parsed, rejected, top.isEmpty() ? "-" : top);
  }

  static String table(String title, List<CorpusTally> tallies) {
    StringBuilder text = new StringBuilder("\n").append(title).append('\n');
    text.append(
        String.format(
            "%-70s %7s %7s %8s  %s%n", "file", "records", "parsed", "rejected", "top reasons"));
    tallies.forEach(tally -> text.append(tally.row()).append('\n'));
    return text.toString();
  }
}
