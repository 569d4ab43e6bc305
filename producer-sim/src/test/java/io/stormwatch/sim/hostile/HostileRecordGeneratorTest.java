package io.stormwatch.sim.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.formats.EntraSignInParser;
import io.stormwatch.formats.ParseResult;
import io.stormwatch.formats.UnifiedAuditLogParser;
import io.stormwatch.formats.common.RecordLimits;
import io.stormwatch.formats.files.AuditFileReader;
import io.stormwatch.formats.files.RawKind;
import io.stormwatch.formats.files.RawRecord;
import io.stormwatch.sim.RawTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileRecordGeneratorTest {

  private static final Instant START = Instant.parse("2026-10-01T06:00:00Z");
  private static final RecordLimits LIMITS =
      new RecordLimits(2 * 1024 * 1024, 1024 * 1024, 64, 500);

  private final UnifiedAuditLogParser ual = new UnifiedAuditLogParser(LIMITS);
  private final EntraSignInParser signIns = new EntraSignInParser(LIMITS);

  @TempDir Path directory;

  @Test
  void isAFunctionOfItsSeed() {
    List<HostileMessage> first = generate(42, 3_000);
    List<HostileMessage> again = generate(42, 3_000);
    List<HostileMessage> other = generate(43, 3_000);

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void labelsEveryMessageWithTheRecordsTheParsersFindInIt() {
    List<HostileMessage> messages = generate(7, 8_000);
    Map<HostileClass, Integer> seen = new EnumMap<>(HostileClass.class);

    for (HostileMessage message : messages) {
      seen.merge(message.hostileClass(), 1, Integer::sum);
      List<ParseResult> results = parse(message);
      assertThat(results).as(message.toString()).hasSize(message.records());
      for (ParseResult result : results) {
        if (result instanceof ParseResult.Parsed parsed) {
          HostileClass byId = HostileIds.classOf(parsed.event().getEventId());
          assertThat(byId)
              .as("id of %s", message)
              .isEqualTo(
                  message.hostileClass() == HostileClass.DUPLICATE
                      ? HostileClass.VALID
                      : message.hostileClass());
        }
      }
    }

    assertThat(seen.keySet())
        .containsAll(
            Arrays.stream(HostileClass.values())
                .filter(c -> c != HostileClass.LONG_LINE && c != HostileClass.GZIP_BOMB)
                .toList());
    assertThat(messages.stream().mapToLong(HostileMessage::records).sum())
        .isGreaterThanOrEqualTo(8_000);
  }

  @Test
  void buildsEachClassToMeetTheAnswerItIsMeantToGet() {
    Map<HostileClass, List<String>> answers = new EnumMap<>(HostileClass.class);
    for (HostileMessage message : generate(11, 8_000)) {
      for (ParseResult result : parse(message)) {
        answers
            .computeIfAbsent(message.hostileClass(), c -> new ArrayList<>())
            .add(result instanceof ParseResult.Rejected r ? r.errorType() : "parsed");
      }
    }

    assertThat(answers.get(HostileClass.VALID)).containsOnly("parsed");
    assertThat(answers.get(HostileClass.DUPLICATE)).containsOnly("parsed");
    assertThat(answers.get(HostileClass.IPV6_ODDITIES)).containsOnly("parsed");
    assertThat(answers.get(HostileClass.TRUNCATED_JSON)).containsOnly("not-json");
    assertThat(answers.get(HostileClass.DEEP_NESTING)).containsOnly("too-deep");
    assertThat(answers.get(HostileClass.HUGE_VALUE)).containsOnly("too-large");
    assertThat(answers.get(HostileClass.INVALID_UTF8)).contains("not-json");
    assertThat(answers.get(HostileClass.NUL_BYTES)).contains("not-json", "parsed");
    assertThat(answers.get(HostileClass.HUGE_ARRAY_BLOB)).contains("array-too-long", "parsed");
    assertThat(answers.get(HostileClass.WRONG_TYPES))
        .contains("parsed", "missing-field", "wrong-type", "not-json");
    // the normaliser, not the parser, refuses these times
    assertThat(answers.get(HostileClass.YEAR_1970)).containsOnly("parsed");
    assertThat(answers.get(HostileClass.YEAR_2999)).containsOnly("parsed");
  }

  @Test
  void writesALongLineAndAGzipBombThatStayTinyOnDisk() throws IOException {
    long hostileBytes = 128L * 1024 * 1024;

    List<HostileFiles.ReplayedFile> files = HostileFiles.write(directory, 3, START, hostileBytes);

    assertThat(files)
        .extracting(HostileFiles.ReplayedFile::hostileClass)
        .containsExactly(HostileClass.LONG_LINE, HostileClass.GZIP_BOMB);
    Path longLine = files.get(0).path();
    Path bomb = files.get(1).path();
    assertThat(Files.size(longLine)).isGreaterThan(hostileBytes);
    assertThat(Files.size(bomb)).isLessThan(1024 * 1024);
    List<RawRecord> lines = readUntilStopped(longLine);
    assertThat(lines).hasSize(2 * HostileFiles.VALID_LINES + 1);
    assertThat(lines.get(HostileFiles.VALID_LINES).refusal().type().code())
        .isEqualTo("message-too-large");
    List<RawRecord> bombed = readUntilStopped(bomb);
    assertThat(bombed).hasSize(HostileFiles.VALID_LINES + 1);
    assertThat(bombed.subList(0, HostileFiles.VALID_LINES))
        .allMatch(r -> r.kind() != RawKind.UNKNOWN);
    assertThat(bombed.get(HostileFiles.VALID_LINES).refusal().type().code())
        .isEqualTo("decompression-bomb");
  }

  private List<ParseResult> parse(HostileMessage message) {
    return message.topic() == RawTopic.UAL
        ? ual.parse(message.value())
        : signIns.parse(message.value());
  }

  private static List<RawRecord> readUntilStopped(Path file) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    try (AuditFileReader reader = AuditFileReader.open(file)) {
      reader.forEachRemaining(records::add);
    } catch (UncheckedIOException stopped) {
      // a bomb stops the file after its refusal
    }
    return records;
  }

  private static List<HostileMessage> generate(long seed, long records) {
    List<HostileMessage> messages = new ArrayList<>();
    new HostileRecordGenerator(new HostileSettings(seed, records, LIMITS, START))
        .forEachRemaining(messages::add);
    return messages;
  }
}
