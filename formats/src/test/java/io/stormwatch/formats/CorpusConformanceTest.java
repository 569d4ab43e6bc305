package io.stormwatch.formats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.ParseResult.Rejected;
import io.stormwatch.formats.files.AuditFileReader;
import io.stormwatch.formats.files.RawKind;
import io.stormwatch.formats.files.RawRecord;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every record of the shared corpus of real Microsoft records through the parsers.
 *
 * <p>Each line of the JSON-lines files goes straight to the parser of its directory; then every
 * file, the Purview CSV export included, is read again through {@link AuditFileReader} and each
 * record to the parser its kind names. Every record must come out parsed or rejected with a reason.
 *
 * <p>The corpus lives outside the repository ({@code ../shared/corpus}, or {@code
 * -Dstormwatch.corpus}); without it these tests are skipped.
 */
class CorpusConformanceTest {
  private static Path corpus;

  private final UnifiedAuditLogParser ual = new UnifiedAuditLogParser();
  private final EntraSignInParser signIns = new EntraSignInParser();

  @BeforeAll
  static void findCorpus() {
    corpus = CorpusLocation.find().orElse(null);
    assumeTrue(corpus != null, "no shared corpus beside the repository; skipping");
  }

  @Test
  void everyUnifiedAuditLogLineIsParsedOrRejectedWithAReason() throws IOException {
    List<CorpusTally> tallies = readLines("ual", ual::parse);

    System.out.println(CorpusTally.table("UAL corpus through UnifiedAuditLogParser", tallies));
    assertThat(tallies).isNotEmpty();
  }

  @Test
  void everySignInLineIsParsedOrRejectedWithAReason() throws IOException {
    List<CorpusTally> tallies = readLines("entra-signin", signIns::parse);

    System.out.println(
        CorpusTally.table("Entra sign-in corpus through EntraSignInParser", tallies));
    assertThat(tallies).isNotEmpty();
  }

  @Test
  void everyFileReadsThroughTheFileReaderIntoParsedOrRejectedRecords() throws IOException {
    List<CorpusTally> tallies = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path file : files.filter(CorpusConformanceTest::isRecording).sorted().toList()) {
        tallies.add(readThroughFileReader(file));
      }
    }

    System.out.println(
        CorpusTally.table("Whole corpus through AuditFileReader, then the parsers", tallies));
    assertThat(tallies).extracting(CorpusTally::records).allMatch(records -> records > 0);
  }

  @Test
  void readsEveryRowOfThePurviewExport() throws IOException {
    Path csv = corpus.resolve("purview-csv/huntress2023-rogue-inbox-purview.csv");
    assumeTrue(Files.exists(csv), "no Purview export in the corpus");

    CorpusTally tally = readThroughFileReader(csv);

    assertThat(tally.records()).isEqualTo(219);
    assertThat(tally.parsed()).isEqualTo(219);
  }

  @Test
  void readsAsManyRecordsFromJsonLinesAsTheFilesHaveLines() throws IOException {
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        long lines = Files.readAllLines(file, UTF_8).stream().filter(l -> !l.isBlank()).count();

        assertThat(readThroughFileReader(file).records()).as(file.toString()).isEqualTo(lines);
      }
    }
  }

  @Test
  void readsTheMailItemsAccessedRecordWithItsTokenAndBinds() throws IOException {
    AuditEvent event =
        parsedEvents("ual/test-exchange-access-event.jsonl", ual::parse).stream()
            .filter(e -> e.getKind() == EventKind.MAIL_ITEMS_ACCESSED)
            .findFirst()
            .orElseThrow();

    assertThat(event.getUniqueTokenId()).isEqualTo("ZZZZZZZZZZKKKKKKKKKKAA");
    assertThat(event.getMailAccessType()).isEqualTo("Bind");
    assertThat(event.getOperationCount()).isEqualTo(6);
    assertThat(event.getFolderCount()).isEqualTo(1);
    assertThat(event.getSessionId()).isNotNull();
    assertThat(event.getTokenIssuedAt()).isBefore(event.getEventTime());
  }

  @Test
  void rejectsTheIpFormatRecordsForTheirMissingIdentity() throws IOException {
    List<ParseResult> results = results("ual/test-ip-formats-events.jsonl", ual::parse);

    assertThat(results)
        .hasSize(15)
        .allSatisfy(
            result -> {
              assertThat(result).isInstanceOf(Rejected.class);
              assertThat(((Rejected) result).errorType()).isEqualTo("missing-field");
              assertThat(((Rejected) result).reason())
                  .isEqualTo("OrganizationId missing, UserId missing, Operation missing");
            });
  }

  @Test
  void keysServicePrincipalAndManagedIdentitySignInsByServicePrincipal() throws IOException {
    List<AuditEvent> events =
        parsedEvents("entra-signin/test-managed-identity-sample.jsonl", signIns::parse);

    assertThat(events)
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.getAccountId()).startsWith("serviceprincipal:"));
  }

  @Test
  void readsTheTimeOfEveryCornerCaseFormat() throws IOException {
    // These lines carry only time and category, so they are rejected; the time itself must read.
    for (String line : lines("entra-signin/test-time-formats-corner-cases.jsonl")) {
      String time = line.replaceAll(".*\"time\": \"([^\"]*)\".*", "$1");
      assertThat(io.stormwatch.formats.common.AuditTimestamps.parse(time))
          .as(time)
          .isPresent()
          .get()
          .satisfies(instant -> assertThat(instant.toString()).startsWith("2007-01-09T09:41:00"));
    }
  }

  /** Reads a file with the replay reader and sends each record to the parser its kind names. */
  private CorpusTally readThroughFileReader(Path file) throws IOException {
    CorpusTally tally = new CorpusTally(corpus.relativize(file).toString());
    try (AuditFileReader reader = AuditFileReader.open(file)) {
      while (reader.hasNext()) {
        RawRecord record = reader.next();
        tally.record();
        // UNKNOWN records go to the UAL parser too, which states why they cannot be read.
        List<ParseResult> results =
            record.kind() == RawKind.ENTRA_SIGN_IN
                ? signIns.parse(record.json())
                : ual.parse(record.json());
        assertThat(results).as(record.origin()).hasSize(1);
        ParseResult result = results.get(0);
        if (result instanceof Rejected rejected) {
          assertThat(rejected.errorType()).as(record.origin()).isNotEqualTo("internal-error");
          assertThat(rejected.reason()).as(record.origin()).isNotBlank();
        }
        tally.count(result);
      }
    }
    assertThat(tally.parsed() + tally.rejected()).isEqualTo(tally.records());
    return tally;
  }

  private static boolean isRecording(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".jsonl") || name.endsWith(".csv"));
  }

  private List<CorpusTally> readLines(String directory, Function<byte[], List<ParseResult>> parser)
      throws IOException {
    List<CorpusTally> tallies = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus.resolve(directory))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        CorpusTally tally = new CorpusTally(directory + "/" + file.getFileName());
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, UTF_8)) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          tally.record();
          List<ParseResult> results = parser.apply(line.getBytes(UTF_8));
          assertThat(results).as("%s:%d", file, lineNumber).hasSize(1);
          ParseResult result = results.get(0);
          if (result instanceof Rejected rejected) {
            assertThat(rejected.errorType())
                .as("%s:%d", file, lineNumber)
                .isNotEqualTo("internal-error");
            assertThat(rejected.reason()).as("%s:%d", file, lineNumber).isNotBlank();
          }
          tally.count(result);
        }
        assertThat(tally.parsed() + tally.rejected()).isEqualTo(tally.records());
        tallies.add(tally);
      }
    }
    return tallies;
  }

  private List<String> lines(String file) throws IOException {
    Path path = corpus.resolve(file);
    assumeTrue(Files.exists(path), file + " is not in the corpus");
    return Files.readAllLines(path, UTF_8).stream().filter(line -> !line.isBlank()).toList();
  }

  private List<ParseResult> results(String file, Function<byte[], List<ParseResult>> parser)
      throws IOException {
    return lines(file).stream()
        .flatMap(line -> parser.apply(line.getBytes(UTF_8)).stream())
        .toList();
  }

  private List<AuditEvent> parsedEvents(String file, Function<byte[], List<ParseResult>> parser)
      throws IOException {
    return results(file, parser).stream()
        .filter(Parsed.class::isInstance)
        .map(result -> ((Parsed) result).event())
        .toList();
  }
}
