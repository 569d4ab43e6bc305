package io.stormwatch.traffic.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.formats.files.RawKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventTimeSorterTest {

  @TempDir Path spill;

  @Test
  void keepsEverythingInMemoryWhenItFitsTheBudget() throws IOException {
    List<ReplayRecord> records = shuffledRecords(200);
    try (EventTimeSorter sorter = new EventTimeSorter(64L << 20, spill)) {
      for (ReplayRecord record : records) {
        sorter.add(record);
      }

      assertThat(drain(sorter.sorted())).containsExactlyElementsOf(inReplayOrder(records));
      assertThat(sorter.spilledRuns()).isZero();
    }
  }

  @Test
  void sortsMoreThanItsMemoryBySpillingSortedRunsAndMergingThem() throws IOException {
    List<ReplayRecord> records = shuffledRecords(2_000);
    try (EventTimeSorter sorter = new EventTimeSorter(16 * 1024, spill)) {
      for (ReplayRecord record : records) {
        sorter.add(record);
      }

      assertThat(drain(sorter.sorted())).containsExactlyElementsOf(inReplayOrder(records));
      assertThat(sorter.spilledRuns()).isBetween(2, EventTimeSorter.MAX_FAN_IN - 1);
    }
  }

  @Test
  void mergesInPassesWhenThereAreMoreRunsThanItOpensAtOnce() throws IOException {
    List<ReplayRecord> records = shuffledRecords(3_000);
    try (EventTimeSorter sorter = new EventTimeSorter(2 * 1024, spill)) {
      for (ReplayRecord record : records) {
        sorter.add(record);
      }

      assertThat(drain(sorter.sorted())).containsExactlyElementsOf(inReplayOrder(records));
      assertThat(sorter.spilledRuns()).isGreaterThan(EventTimeSorter.MAX_FAN_IN);
    }
  }

  @Test
  void deletesItsSpilledRunsWhenClosed() throws IOException {
    try (EventTimeSorter sorter = new EventTimeSorter(1024, spill)) {
      for (ReplayRecord record : shuffledRecords(100)) {
        sorter.add(record);
      }
      drain(sorter.sorted());
      assertThat(filesUnder(spill)).isNotEmpty();
    }

    assertThat(filesUnder(spill)).isEmpty();
  }

  @Test
  void ordersRecordsOfOneInstantByContentNotByTheFileTheyCameFrom() throws IOException {
    ReplayRecord fromFirstFile = mailRead(1_000, "{\"Id\":\"b\"}", 0);
    ReplayRecord fromSecondFile = mailRead(1_000, "{\"Id\":\"a\"}", 1);
    try (EventTimeSorter sorter = new EventTimeSorter(1 << 20, spill)) {
      sorter.add(fromFirstFile);
      sorter.add(fromSecondFile);

      assertThat(drain(sorter.sorted())).containsExactly(fromSecondFile, fromFirstFile);
    }
  }

  private static List<ReplayRecord> shuffledRecords(int count) {
    SplittableRandom random = new SplittableRandom(7);
    List<ReplayRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Few distinct times, so that ties are broken by content and sequence too.
      long time = 1_700_000_000_000L + random.nextInt(count / 4) * 1000L;
      String json = "{\"Id\":\"" + random.nextInt(count) + "\",\"pad\":\"" + "x".repeat(50) + "\"}";
      records.add(record(time, json, i));
    }
    return records;
  }

  private static ReplayRecord record(long time, String json, long sequence) {
    RawKind kind = sequence % 3 == 0 ? RawKind.ENTRA_SIGN_IN : RawKind.UNIFIED_AUDIT_LOG;
    return new ReplayRecord(
        kind,
        sequence % 5 == 0 ? null : "tenant-" + sequence % 2,
        time,
        true,
        json.getBytes(StandardCharsets.UTF_8),
        "recording.jsonl:" + (sequence + 1),
        sequence);
  }

  private static ReplayRecord mailRead(long time, String json, long sequence) {
    return new ReplayRecord(
        RawKind.UNIFIED_AUDIT_LOG,
        "contoso",
        time,
        true,
        json.getBytes(StandardCharsets.UTF_8),
        "file-" + sequence + ".jsonl:1",
        sequence);
  }

  private static List<ReplayRecord> inReplayOrder(List<ReplayRecord> records) {
    List<ReplayRecord> sorted = new ArrayList<>(records);
    sorted.sort(ReplayRecord.REPLAY_ORDER);
    return sorted;
  }

  private static List<ReplayRecord> drain(Iterator<ReplayRecord> records) {
    List<ReplayRecord> out = new ArrayList<>();
    records.forEachRemaining(out::add);
    return out;
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
