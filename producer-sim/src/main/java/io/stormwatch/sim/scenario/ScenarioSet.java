package io.stormwatch.sim.scenario;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which scenarios a run plays, how often, and how much background population surrounds them.
 *
 * @param name the set's name, for reports
 * @param instances how many instances of each scenario type, in type order; types not listed are
 *     not played
 * @param backgroundUsers users per tenant beyond those the scenarios cast, who only go about their
 *     normal work
 */
public record ScenarioSet(String name, Map<ScenarioType, Integer> instances, int backgroundUsers) {

  /** Every scenario once, a few background users per tenant: the CI set. */
  public static final String CI = "ci";

  /** Every scenario twice with more background: a longer, noisier evaluation. */
  public static final String STANDARD = "standard";

  static final int MAX_INSTANCES = 10;

  /**
   * @throws IllegalArgumentException if no scenario is played, an instance count is outside
   *     1..{@value #MAX_INSTANCES}, or backgroundUsers is negative
   */
  public ScenarioSet {
    Objects.requireNonNull(name, "name");
    EnumMap<ScenarioType, Integer> copy = new EnumMap<>(ScenarioType.class);
    copy.putAll(instances);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a scenario set needs at least one scenario");
    }
    copy.forEach(
        (type, count) -> {
          if (count < 1 || count > MAX_INSTANCES) {
            throw new IllegalArgumentException(
                type.id() + ": instances must be 1.." + MAX_INSTANCES + ", was " + count);
          }
        });
    if (backgroundUsers < 0) {
      throw new IllegalArgumentException(
          "backgroundUsers must not be negative, was " + backgroundUsers);
    }
    instances = Collections.unmodifiableMap(copy);
  }

  /** The CI set: every scenario type once, four background users per tenant. */
  public static ScenarioSet ci() {
    return new ScenarioSet(CI, every(1), 4);
  }

  /** The standard set: every scenario type twice, twelve background users per tenant. */
  public static ScenarioSet standard() {
    return new ScenarioSet(STANDARD, every(2), 12);
  }

  /**
   * A named set ({@value #CI}, {@value #STANDARD}) or a comma-separated list of scenario type ids,
   * each optionally followed by {@code *n} for n instances, e.g. {@code
   * token-replay-vps,corporate-vpn-switch*2}; a list gets the CI set's background.
   *
   * @throws IllegalArgumentException naming the unknown set or scenario id and the known ones
   */
  public static ScenarioSet parse(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals(CI)) {
      return ci();
    }
    if (trimmed.equals(STANDARD)) {
      return standard();
    }
    EnumMap<ScenarioType, Integer> chosen = new EnumMap<>(ScenarioType.class);
    for (String item : trimmed.split(",")) {
      String part = item.trim();
      if (part.isEmpty()) {
        continue;
      }
      int star = part.indexOf('*');
      String id = star < 0 ? part : part.substring(0, star).trim();
      int count = 1;
      if (star >= 0) {
        try {
          count = Integer.parseInt(part.substring(star + 1).trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + part + "': the count after * is not a number");
        }
      }
      ScenarioType type =
          ScenarioType.byId(id)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown scenario set or scenario '"
                              + id
                              + "'; sets: "
                              + CI
                              + ", "
                              + STANDARD
                              + "; scenarios: "
                              + Arrays.stream(ScenarioType.values())
                                  .map(ScenarioType::id)
                                  .collect(Collectors.joining(", "))));
      chosen.merge(type, count, Integer::sum);
    }
    return new ScenarioSet(trimmed, chosen, ci().backgroundUsers());
  }

  private static Map<ScenarioType, Integer> every(int count) {
    EnumMap<ScenarioType, Integer> all = new EnumMap<>(ScenarioType.class);
    for (ScenarioType type : ScenarioType.values()) {
      all.put(type, count);
    }
    return all;
  }
}
