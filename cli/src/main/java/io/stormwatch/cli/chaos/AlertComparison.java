package io.stormwatch.cli.chaos;

import io.stormwatch.schemas.avro.Alert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alerts a disturbed run left on the alerts topic against those of an uninterrupted run of the
 * same input: which alert ids are lost or extra, whose latest revision differs in any field, and
 * which revisions are duplicated or missing. Revisions of an alert are numbered 1, 2, ... and each
 * is published once, so the uninterrupted run's latest revision {@code r} of an alert stands for
 * its revisions 1 to {@code r}.
 *
 * @param expected alert ids of the uninterrupted run
 * @param got alert ids on the topic
 * @param lost ids of the uninterrupted run missing from the topic, sorted
 * @param extra ids on the topic the uninterrupted run does not have, sorted
 * @param differing ids whose latest revision on the topic differs from the uninterrupted run's
 * @param differences for each differing id, the uninterrupted run's latest revision and the
 *     topic's, in the order of {@code differing}
 * @param revisionsExpected revisions the uninterrupted run published
 * @param revisionsGot revision records on the topic
 * @param duplicatedRevisions records on the topic that repeat an (id, revision) already there
 * @param missingRevisions (id, revision) pairs of expected alerts not on the topic
 */
public record AlertComparison(
    int expected,
    int got,
    List<String> lost,
    List<String> extra,
    List<String> differing,
    List<Difference> differences,
    long revisionsExpected,
    long revisionsGot,
    long duplicatedRevisions,
    long missingRevisions) {

  public AlertComparison {
    lost = List.copyOf(lost);
    extra = List.copyOf(extra);
    differing = List.copyOf(differing);
    differences = List.copyOf(differences);
  }

  /** The latest revision of one alert in the uninterrupted run and on the topic. */
  public record Difference(Alert expected, Alert got) {}

  /**
   * Compares.
   *
   * @param reference the latest revision of every alert of the uninterrupted run
   * @param onTopic every alert record read from the topic, in any order
   */
  public static AlertComparison of(List<Alert> reference, List<Alert> onTopic) {
    Map<String, Alert> expected = new HashMap<>();
    long revisionsExpected = 0;
    for (Alert alert : reference) {
      expected.put(alert.getAlertId(), alert);
      revisionsExpected += alert.getRevision();
    }
    Map<String, Alert> latest = new HashMap<>();
    Map<String, Set<Integer>> revisions = new HashMap<>();
    long duplicated = 0;
    for (Alert alert : onTopic) {
      if (!revisions
          .computeIfAbsent(alert.getAlertId(), id -> new HashSet<>())
          .add(alert.getRevision())) {
        duplicated++;
      }
      latest.merge(alert.getAlertId(), alert, (a, b) -> b.getRevision() > a.getRevision() ? b : a);
    }
    List<String> lost =
        new ArrayList<>(new TreeSet<>(difference(expected.keySet(), latest.keySet())));
    List<String> extra =
        new ArrayList<>(new TreeSet<>(difference(latest.keySet(), expected.keySet())));
    List<String> differing = new ArrayList<>();
    List<Difference> differences = new ArrayList<>();
    long missing = 0;
    for (String id : new TreeSet<>(expected.keySet())) {
      Alert want = expected.get(id);
      Alert have = latest.get(id);
      if (have != null && !have.equals(want)) {
        differing.add(id);
        differences.add(new Difference(want, have));
      }
      Set<Integer> present = revisions.getOrDefault(id, Set.of());
      for (int revision = 1; revision <= want.getRevision(); revision++) {
        if (!present.contains(revision)) {
          missing++;
        }
      }
    }
    return new AlertComparison(
        expected.size(),
        latest.size(),
        lost,
        extra,
        differing,
        differences,
        revisionsExpected,
        onTopic.size(),
        duplicated,
        missing);
  }

  /** Nothing lost, duplicated, extra, different or missing. */
  public boolean identical() {
    return lost.isEmpty()
        && extra.isEmpty()
        && differing.isEmpty()
        && duplicatedRevisions == 0
        && missingRevisions == 0;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> rest = new HashSet<>(a);
    rest.removeAll(b);
    return rest;
  }
}
