package io.stormwatch.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.cli.CommandRun;
import io.stormwatch.formats.EntraSignInParser;
import io.stormwatch.formats.ParseResult;
import io.stormwatch.formats.UnifiedAuditLogParser;
import io.stormwatch.formats.files.AuditFileReader;
import io.stormwatch.formats.files.RawKind;
import io.stormwatch.formats.files.RawRecord;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.traffic.replay.RecordingFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI check on the shared corpus of real Microsoft records: {@code stormwatch backtest} over
 * every file of it exits 0 and accounts for every record, with each count checked against what the
 * parsers alone make of the corpus. Skipped when the corpus ({@code <repository>/../shared/corpus},
 * or {@code -Dstormwatch.corpus}) is not there.
 */
class CorpusBacktestIT {

  private static Path corpus;

  @TempDir Path dir;

  @BeforeAll
  static void findCorpus() {
    corpus = corpusLocation().orElse(null);
    assumeTrue(corpus != null, "no shared corpus beside the repository; skipping");
  }

  @Test
  void backtestsEveryCorpusFileAndAccountsForEveryRecord() throws Exception {
    Expected expected = Expected.of(RecordingFiles.expand(List.of(corpus)));
    Path summary = dir.resolve("summary.json");

    CommandRun run =
        CommandRun.of(
            new BacktestCommand(),
            corpus.toString(),
            "--out",
            dir.resolve("alerts.jsonl").toString(),
            "--summary-json",
            summary.toString(),
            "--quiet");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode records = new ObjectMapper().readTree(summary.toFile()).path("records");
    assertThat(records.path("accountedFor").asBoolean()).as(run.out()).isTrue();
    long read = records.path("read").asLong();
    assertThat(read).isEqualTo(expected.read);
    assertThat(
            records.path("normalised").asLong()
                + records.path("rejectedByReplay").asLong()
                + records.path("rejectedByNormaliser").asLong()
                + records.path("duplicates").asLong())
        .isEqualTo(read);
    assertThat(records.path("rejectedByReplay").asLong()).isEqualTo(expected.rejectedByReplay);
    assertThat(records.path("rejectedByNormaliser").asLong()).isEqualTo(expected.rejectedByParsers);
    assertThat(records.path("duplicates").asLong()).isEqualTo(expected.duplicates);
    assertThat(records.path("normalised").asLong()).isPositive();
  }

  /** What the file reader and the parsers alone make of the corpus, as the pipeline should. */
  private static final class Expected {
    long read;
    long rejectedByReplay;
    long rejectedByParsers;
    long duplicates;

    static Expected of(List<Path> files) throws Exception {
      UnifiedAuditLogParser ual = new UnifiedAuditLogParser();
      EntraSignInParser signIns = new EntraSignInParser();
      Instant latestAccepted = Instant.now().plus(Duration.ofMinutes(59));
      Set<String> seen = new HashSet<>();
      Expected expected = new Expected();
      for (Path file : files) {
        try (AuditFileReader reader = AuditFileReader.open(file)) {
          while (reader.hasNext()) {
            RawRecord record = reader.next();
            expected.read++;
            Instant time = record.eventTime();
            boolean untimeable =
                time != null && (time.isBefore(Instant.EPOCH) || time.isAfter(latestAccepted));
            if (record.kind() == RawKind.UNKNOWN || untimeable) {
              expected.rejectedByReplay++;
              continue;
            }
            List<ParseResult> results =
                record.kind() == RawKind.UNIFIED_AUDIT_LOG
                    ? ual.parse(record.json())
                    : signIns.parse(record.json());
            for (ParseResult result : results) {
              if (result instanceof ParseResult.Parsed parsed) {
                // What the pipeline dedupes on: the same record id at the same time, per log and
                // account (a record is remembered in its account's state). The corpus has one
                // sign-in id under two accounts: two records, not a re-delivery.
                AuditEvent event = parsed.event();
                String key =
                    event.getSource()
                        + "|"
                        + event.getTenantId()
                        + "|"
                        + event.getAccountId()
                        + "|"
                        + event.getEventId()
                        + "|"
                        + event.getEventTime().toEpochMilli();
                if (!seen.add(key)) {
                  expected.duplicates++;
                }
              } else {
                expected.rejectedByParsers++;
              }
            }
          }
        }
      }
      return expected;
    }
  }

  /** {@code -Dstormwatch.corpus}, else {@code ../shared/corpus} beside the repository root. */
  private static Optional<Path> corpusLocation() {
    String configured = System.getProperty("stormwatch.corpus");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isDirectory);
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path root = start; root != null; root = root.getParent()) {
      if (Files.exists(root.resolve(".git"))) {
        return Optional.of(root.resolveSibling("shared").resolve("corpus"))
            .filter(Files::isDirectory);
      }
    }
    return Optional.empty();
  }
}
