package io.stormwatch.formats.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.formats.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFileReaderTest {
  private static final String TENANT = "6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path directory;

  private Path write(String name, byte[]... parts) throws IOException {
    Path file = directory.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte[] part : parts) {
        out.write(part);
      }
    }
    return file;
  }

  private Path fixtureFile(String fixture) throws IOException {
    return write(Path.of(fixture).getFileName().toString(), Fixtures.bytes(fixture));
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  private static String oneLine(String fixture) {
    return new String(Fixtures.bytes(fixture), UTF_8).strip().replace("\n", "");
  }

  private static List<RawRecord> readAll(Path file) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    try (AuditFileReader reader = AuditFileReader.open(file)) {
      reader.forEachRemaining(records::add);
    }
    return records;
  }

  private static FileFormat formatOf(Path file) throws IOException {
    try (AuditFileReader reader = AuditFileReader.open(file)) {
      return reader.format();
    }
  }

  private static String text(RawRecord record) {
    return new String(record.json(), UTF_8);
  }

  @Nested
  class JsonLines {
    @Test
    void yieldsEachLineExactlyAndABrokenLineAsUnknown() throws IOException {
      Path file = fixtureFile("files/ual-with-broken-line.jsonl");
      List<String> lines = Files.readAllLines(file, UTF_8);

      List<RawRecord> records = readAll(file);

      assertThat(formatOf(file)).isEqualTo(FileFormat.JSON_LINES);
      assertThat(records)
          .extracting(RawRecord::kind)
          .containsExactly(RawKind.UNIFIED_AUDIT_LOG, RawKind.UNKNOWN, RawKind.UNIFIED_AUDIT_LOG);
      assertThat(records)
          .extracting(RawRecord::origin)
          .containsExactly(file + ":1", file + ":3", file + ":4");
      assertThat(text(records.get(0))).isEqualTo(lines.get(0));
      assertThat(text(records.get(1))).isEqualTo(lines.get(2));
    }

    @Test
    void readsTheTenantAndTimeForRouting() throws IOException {
      RawRecord first = readAll(fixtureFile("files/ual-with-broken-line.jsonl")).get(0);

      assertThat(first.tenantId()).isEqualTo(TENANT);
      assertThat(first.eventTime()).isEqualTo(Instant.parse("2024-03-05T16:00:00Z"));
    }

    @Test
    void leavesTenantAndTimeEmptyForAnUnreadableLine() throws IOException {
      RawRecord broken = readAll(fixtureFile("files/ual-with-broken-line.jsonl")).get(1);

      assertThat(broken.tenantId()).isNull();
      assertThat(broken.eventTime()).isNull();
    }

    @Test
    void dropsTheCarriageReturnOfCrLfLines() throws IOException {
      String line = oneLine("ual/owa-auth.json");
      Path file = write("crlf.jsonl", (line + "\r\n" + line + "\r\n").getBytes(UTF_8));

      List<RawRecord> records = readAll(file);

      assertThat(records).hasSize(2);
      assertThat(text(records.get(1))).isEqualTo(line);
    }

    @Test
    void skipsAByteOrderMark() throws IOException {
      String line = oneLine("ual/owa-auth.json");
      Path file = write("bom.jsonl", BOM, line.getBytes(UTF_8));

      List<RawRecord> records = readAll(file);

      assertThat(records).hasSize(1);
      assertThat(records.get(0).kind()).isEqualTo(RawKind.UNIFIED_AUDIT_LOG);
      assertThat(text(records.get(0))).isEqualTo(line);
    }

    @Test
    void decidesTheKindPerRecordInAMixedFile() throws IOException {
      String content =
          oneLine("ual/owa-auth.json")
              + "\n"
              + oneLine("entra/diagnostic-interactive.json")
              + "\n"
              + oneLine("entra/graph-interactive.json")
              + "\n"
              + oneLine("entra/log-analytics-interactive.json")
              + "\n{\"neither\":true}\n[1,2]\n";

      List<RawRecord> records = readAll(write("mixed.jsonl", content.getBytes(UTF_8)));

      assertThat(records)
          .extracting(RawRecord::kind)
          .containsExactly(
              RawKind.UNIFIED_AUDIT_LOG,
              RawKind.ENTRA_SIGN_IN,
              RawKind.ENTRA_SIGN_IN,
              RawKind.ENTRA_SIGN_IN,
              RawKind.UNKNOWN,
              RawKind.UNKNOWN);
      assertThat(records)
          .extracting(RawRecord::tenantId)
          .startsWith(TENANT, TENANT, TENANT, TENANT);
    }

    @Test
    void readsLinesThatAreNotJsonAsUnknown() throws IOException {
      List<RawRecord> records = readAll(write("notes.txt", "hello\nworld\n".getBytes(UTF_8)));

      assertThat(records)
          .extracting(RawRecord::kind)
          .containsExactly(RawKind.UNKNOWN, RawKind.UNKNOWN);
    }
  }

  @Nested
  class Gzip {
    @Test
    void recognisesGzipByItsMagicBytesNotItsName() throws IOException {
      byte[] content = Fixtures.bytes("files/ual-with-broken-line.jsonl");
      Path file = write("recording.json", gzip(content));

      assertThat(readAll(file)).hasSize(3);
    }

    @Test
    void readsAPlainFileNamedGz() throws IOException {
      Path file = write("plain.json.gz", Fixtures.bytes("files/ual-with-broken-line.jsonl"));

      assertThat(readAll(file)).hasSize(3);
    }

    @Test
    void readsAGzipCompressedContentBlobWithAByteOrderMark() throws IOException {
      byte[] blob = Fixtures.bytes("ual/content-blob.json");
      byte[] withBom = new byte[blob.length + 3];
      System.arraycopy(BOM, 0, withBom, 0, 3);
      System.arraycopy(blob, 0, withBom, 3, blob.length);

      List<RawRecord> records = readAll(write("blob.gz", gzip(withBom)));

      assertThat(records).hasSize(3).allMatch(r -> r.kind() == RawKind.UNIFIED_AUDIT_LOG);
    }

    @Test
    void reportsADamagedGzipStream() throws IOException {
      byte[] compressed = gzip(Fixtures.bytes("ual/content-blob.json"));
      compressed[compressed.length / 2] ^= 0x5a;
      Path file = write("damaged.gz", compressed);

      // Damage near the start shows when the file is opened, later damage while reading.
      assertThatThrownBy(() -> readAll(file))
          .isInstanceOfAny(java.util.zip.ZipException.class, java.io.UncheckedIOException.class);
    }
  }

  @Nested
  class Arrays {
    @Test
    void streamsAContentBlobKeepingEachElementsBytes() throws IOException {
      Path file = fixtureFile("ual/content-blob.json");
      List<String> lines = Files.readAllLines(file, UTF_8);

      List<RawRecord> records = readAll(file);

      assertThat(formatOf(file)).isEqualTo(FileFormat.JSON_ARRAY);
      assertThat(records).hasSize(3);
      assertThat(text(records.get(0))).isEqualTo(lines.get(1).strip().replaceAll(",$", ""));
      assertThat(records)
          .extracting(RawRecord::origin)
          .containsExactly(file + ":2", file + ":3", file + ":4");
    }

    @Test
    void readsALogAnalyticsExport() throws IOException {
      String export =
          "[\n"
              + oneLine("entra/log-analytics-interactive.json")
              + ",\n"
              + oneLine("entra/log-analytics-non-interactive.json")
              + "\n]";

      List<RawRecord> records = readAll(write("signins.json", export.getBytes(UTF_8)));

      assertThat(records).hasSize(2).allMatch(r -> r.kind() == RawKind.ENTRA_SIGN_IN);
      assertThat(records.get(0).tenantId()).isEqualTo(TENANT);
      assertThat(records.get(1).eventTime()).isEqualTo(Instant.parse("2024-03-05T14:05:10.250Z"));
    }

    @Test
    void yieldsTheTruncatedLastElementAsUnknown() throws IOException {
      byte[] blob = Fixtures.bytes("ual/content-blob.json");
      Path file = write("cut.json", java.util.Arrays.copyOf(blob, blob.length - 60));

      List<RawRecord> records = readAll(file);

      assertThat(records)
          .extracting(RawRecord::kind)
          .containsExactly(RawKind.UNIFIED_AUDIT_LOG, RawKind.UNIFIED_AUDIT_LOG, RawKind.UNKNOWN);
    }

    @Test
    void yieldsScalarElementsAndContentAfterTheArrayRatherThanSkippingThem() throws IOException {
      String content = "[" + oneLine("ual/owa-auth.json") + ", 42, \"text\"] trailing";

      List<RawRecord> records = readAll(write("odd.json", content.getBytes(UTF_8)));

      assertThat(records)
          .extracting(AuditFileReaderTest::text)
          .containsExactly(oneLine("ual/owa-auth.json"), "42", "\"text\"", "trailing");
      assertThat(records)
          .extracting(RawRecord::kind)
          .containsExactly(
              RawKind.UNIFIED_AUDIT_LOG, RawKind.UNKNOWN, RawKind.UNKNOWN, RawKind.UNKNOWN);
    }

    @Test
    void readsAnElementWithBracesAndEscapedQuotesInsideStrings() throws IOException {
      String record =
          "{\"CreationTime\":\"2024-03-05T16:00:00\",\"Operation\":\"Send\",\"RecordType\":2,"
              + "\"Subject\":\"re: [ticket] {urgent} \\\"quoted\\\" \\\\\"}";

      List<RawRecord> records = readAll(write("tricky.json", ("[" + record + "]").getBytes(UTF_8)));

      assertThat(records).hasSize(1);
      assertThat(text(records.get(0))).isEqualTo(record);
      assertThat(records.get(0).kind()).isEqualTo(RawKind.UNIFIED_AUDIT_LOG);
    }
  }

  @Nested
  class Envelopes {
    @Test
    void readsEachRecordOfAnEventHubEnvelope() throws IOException {
      Path file = fixtureFile("entra/event-hub-envelope.json");

      List<RawRecord> records = readAll(file);

      assertThat(formatOf(file)).isEqualTo(FileFormat.JSON_ENVELOPE);
      assertThat(records).hasSize(3).allMatch(r -> r.kind() == RawKind.ENTRA_SIGN_IN);
      assertThat(records.get(0).eventTime()).isEqualTo(Instant.parse("2024-03-05T14:59:58.100Z"));
      assertThat(records.get(1).eventTime())
          .as("unreadable createdDateTime falls back")
          .isNotNull();
    }

    @Test
    void readsAPrettyPrintedEnvelopeWhoseStringsHoldBraces() throws IOException {
      List<RawRecord> records = readAll(fixtureFile("files/signins-envelope-pretty.json"));

      assertThat(records).hasSize(2).allMatch(r -> r.kind() == RawKind.ENTRA_SIGN_IN);
      assertThat(records.get(0).tenantId()).isEqualTo(TENANT);
      assertThat(text(records.get(0))).startsWith("{\n      \"time\"").endsWith("}\n    }");
    }

    @Test
    void readsOneEnvelopePerLine() throws IOException {
      String envelope = oneLine("entra/event-hub-envelope.json");

      List<RawRecord> records =
          readAll(write("capture.json", (envelope + "\n" + envelope + "\n").getBytes(UTF_8)));

      assertThat(records).hasSize(6);
    }

    @Test
    void readsAGraphPageWithoutItsAnnotations() throws IOException {
      List<RawRecord> records = readAll(fixtureFile("entra/graph-page.json"));

      assertThat(records).hasSize(2).allMatch(r -> r.kind() == RawKind.ENTRA_SIGN_IN);
      assertThat(records.get(1).eventTime()).isEqualTo(Instant.parse("2024-03-05T16:01:00Z"));
    }
  }

  @Nested
  class PrettyPrintedValues {
    @Test
    void readsAPrettyPrintedRecord() throws IOException {
      Path file = fixtureFile("files/signin-pretty-record.json");

      List<RawRecord> records = readAll(file);

      assertThat(formatOf(file)).isEqualTo(FileFormat.JSON_VALUES);
      assertThat(records).hasSize(1);
      assertThat(records.get(0).kind()).isEqualTo(RawKind.ENTRA_SIGN_IN);
      assertThat(text(records.get(0)))
          .isEqualTo(new String(Fixtures.bytes("files/signin-pretty-record.json"), UTF_8).strip());
    }

    @Test
    void readsNothingFromAnEmptyFile() throws IOException {
      Path file = write("empty.json", " \n\n".getBytes(UTF_8));

      assertThat(formatOf(file)).isEqualTo(FileFormat.EMPTY);
      assertThat(readAll(file)).isEmpty();
    }
  }

  @Nested
  class PurviewCsv {
    @Test
    void yieldsEachRowsAuditDataAsItsRecord() throws IOException {
      Path file = fixtureFile("files/purview-export.csv");

      List<RawRecord> records = readAll(file);

      assertThat(formatOf(file)).isEqualTo(FileFormat.PURVIEW_CSV);
      assertThat(records)
          .extracting(RawRecord::kind)
          .containsExactly(RawKind.UNIFIED_AUDIT_LOG, RawKind.UNIFIED_AUDIT_LOG, RawKind.UNKNOWN);
      assertThat(text(records.get(0)))
          .startsWith("{\"CreationTime\":\"2023-10-02T08:15:40\"")
          .contains("\"UserKey\":\"NT AUTHORITY\\\\SYSTEM (Microsoft.Exchange.ServiceHost)\"")
          .endsWith("]}");
      assertThat(text(records.get(1))).contains("https:\\/\\/outlook.office365.com/");
      assertThat(records)
          .extracting(RawRecord::origin)
          .containsExactly(file + ":2", file + ":3", file + ":4");
    }

    @Test
    void readsTenantAndTimeFromAuditData() throws IOException {
      RawRecord first = readAll(fixtureFile("files/purview-export.csv")).get(0);

      assertThat(first.tenantId()).isEqualTo("7f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8");
      assertThat(first.eventTime()).isEqualTo(Instant.parse("2023-10-02T08:15:40Z"));
    }

    @Test
    void takesTheRowCreationDateForAnUnreadableAuditData() throws IOException {
      RawRecord broken = readAll(fixtureFile("files/purview-export.csv")).get(2);

      assertThat(broken.eventTime()).isEqualTo(Instant.parse("2023-10-02T08:20:00Z"));
      assertThat(text(broken)).isEqualTo("{\"CreationTime\":\"2023-10-02T08:20:00\",\"Id\":");
    }

    @Test
    void readsTheOlderHeaderAndFallsBackToCreationDate() throws IOException {
      List<RawRecord> records = readAll(fixtureFile("files/purview-export-legacy.csv"));

      assertThat(records).hasSize(2).allMatch(r -> r.kind() == RawKind.UNIFIED_AUDIT_LOG);
      assertThat(records.get(1).eventTime()).isEqualTo(Instant.parse("2023-10-02T08:10:05Z"));
    }

    @Test
    void skipsAByteOrderMarkBeforeTheHeader() throws IOException {
      Path file = write("bom.csv", BOM, Fixtures.bytes("files/purview-export.csv"));

      assertThat(formatOf(file)).isEqualTo(FileFormat.PURVIEW_CSV);
      assertThat(readAll(file)).hasSize(3);
    }

    @Test
    void readsAQuotedCellSpanningLines() throws IOException {
      String csv =
          "CreationDate,UserIds,Operations,AuditData\r\n"
              + "10/2/2023 8:15:40 AM,a@b.example,Send,\"{\"\"CreationTime\"\":\"\"2023-10-02T08:15:40\"\",\r\n"
              + "\"\"Operation\"\":\"\"Send\"\",\"\"RecordType\"\":2}\"\r\n"
              + "10/2/2023 8:15:41 AM,a@b.example,Send,\"{\"\"CreationTime\"\":\"\"2023-10-02T08:15:41\"\"}\"\r\n";

      List<RawRecord> records = readAll(write("multiline.csv", csv.getBytes(UTF_8)));

      assertThat(records).hasSize(2);
      assertThat(text(records.get(0)))
          .isEqualTo(
              "{\"CreationTime\":\"2023-10-02T08:15:40\",\r\n\"Operation\":\"Send\",\"RecordType\":2}");
      assertThat(records.get(1).origin()).endsWith(":4");
    }
  }
}
