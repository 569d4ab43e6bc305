package io.stormwatch.formats.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.formats.Fixtures;
import io.stormwatch.formats.common.RejectionType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to exhaust a reader: each bad record is refused once, and reading goes on. */
class HostileFilesTest {
  private static final byte[] GOOD =
      (new String(Fixtures.bytes("ual/owa-auth.json"), UTF_8).strip().replace("\n", "") + "\n")
          .getBytes(UTF_8);

  @TempDir Path directory;

  @Test
  void yieldsALineLongerThanARecordMayBeOnceRefusedAndReadsOn() throws IOException {
    int length = FileLimits.DEFAULTS.maxRecordBytes() + 4 * 1024 * 1024;
    Path file = directory.resolve("long-line.jsonl");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(GOOD);
      writeRepeated(out, 'x', length);
      out.write('\n');
      out.write(GOOD);
    }

    List<RawRecord> records = readAll(file, FileLimits.DEFAULTS);

    assertThat(records).hasSize(3);
    assertThat(records.get(0).kind()).isEqualTo(RawKind.UNIFIED_AUDIT_LOG);
    RawRecord refused = records.get(1);
    assertThat(refused.kind()).isEqualTo(RawKind.UNKNOWN);
    assertThat(refused.origin()).isEqualTo(file + ":2");
    assertThat(refused.refusal().type()).isEqualTo(RejectionType.MESSAGE_TOO_LARGE);
    assertThat(refused.refusal().reason())
        .isEqualTo(
            String.format(
                "a line of %,d bytes, longer than the 16,777,216 bytes a raw record may be; its"
                    + " first 65,536 bytes are kept",
                length));
    assertThat(refused.json()).hasSize(FileLimits.KEPT_BYTES).containsOnly((byte) 'x');
    assertThat(records.get(2).kind()).isEqualTo(RawKind.UNIFIED_AUDIT_LOG);
    assertThat(records.get(2).origin()).isEqualTo(file + ":3");
  }

  @Test
  void stopsAGzipBombWithOneRefusalWhereItWasFoundAndReportsTheFileUnfinished() throws IOException {
    Path file = directory.resolve("bomb.jsonl.gz");
    try (OutputStream out =
        new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 1 << 16)) {
      out.write(GOOD);
      out.write(GOOD);
      writeRepeated(out, 0, 96 * 1024 * 1024);
      out.write('\n');
      out.write(GOOD);
    }
    assertThat(Files.size(file)).as("a bomb: tiny on disk").isLessThan(1024 * 1024);

    List<RawRecord> records = new ArrayList<>();
    try (AuditFileReader reader = AuditFileReader.open(file)) {
      assertThatThrownBy(() -> reader.forEachRemaining(records::add))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("decompression bomb");
    }

    assertThat(records).hasSize(3);
    RawRecord bomb = records.get(2);
    assertThat(bomb.origin()).isEqualTo(file + ":3");
    assertThat(bomb.refusal().type()).isEqualTo(RejectionType.DECOMPRESSION_BOMB);
    assertThat(bomb.refusal().reason())
        .startsWith("decompression bomb: ")
        .endsWith("more than 200 times; the rest of the file is not read");
  }

  @Test
  void refusesAnElementOfAContentBlobLongerThanARecordMayBeAndReadsTheNext() throws IOException {
    FileLimits small = new FileLimits(128 * 1024, 200);
    String good = new String(GOOD, UTF_8).strip();
    byte[] blob =
        ("[" + good + ",{\"Filler\":\"" + "y".repeat(1024 * 1024) + "\"}," + good + "]")
            .getBytes(UTF_8);
    Path file = Files.write(directory.resolve("blob.json"), blob);

    List<RawRecord> records = readAll(file, small);

    assertThat(records)
        .extracting(RawRecord::kind)
        .containsExactly(RawKind.UNIFIED_AUDIT_LOG, RawKind.UNKNOWN, RawKind.UNIFIED_AUDIT_LOG);
    assertThat(records.get(1).refusal().type()).isEqualTo(RejectionType.MESSAGE_TOO_LARGE);
    assertThat(records.get(1).json()).hasSize(FileLimits.KEPT_BYTES);
  }

  @Test
  void refusesAnOverlongCsvRowWithoutKeepingItsFields() throws IOException {
    FileLimits small = new FileLimits(128 * 1024, 200);
    String header = "RecordId,CreationDate,RecordType,Operation,UserId,AuditData\n";
    byte[] commas = new byte[4 * 1024 * 1024];
    Arrays.fill(commas, (byte) ',');
    Path file = directory.resolve("export.csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(header.getBytes(UTF_8));
      out.write(commas);
      out.write('\n');
    }

    List<RawRecord> records = readAll(file, small);

    assertThat(records).hasSize(1);
    assertThat(records.get(0).refusal().type()).isEqualTo(RejectionType.MESSAGE_TOO_LARGE);
    assertThat(records.get(0).json()).hasSize(FileLimits.KEPT_BYTES);
  }

  @Test
  void refusesARecordBeyondTheNestingLimitItIsReadWith() throws IOException {
    String deep =
        "{\"CreationTime\":\"2024-03-05T16:00:00\",\"x\":"
            + "[".repeat(100)
            + "]".repeat(100)
            + "}\n";
    Path file = Files.write(directory.resolve("deep.jsonl"), deep.getBytes(UTF_8));

    RawRecord record = readAll(file, FileLimits.DEFAULTS).get(0);

    assertThat(record.kind()).isEqualTo(RawKind.UNKNOWN);
    assertThat(record.refusal().type()).isEqualTo(RejectionType.TOO_DEEP);
  }

  private static List<RawRecord> readAll(Path file, FileLimits limits) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    try (AuditFileReader reader = AuditFileReader.open(file, limits)) {
      reader.forEachRemaining(records::add);
    }
    return records;
  }

  private static void writeRepeated(OutputStream out, int b, long count) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) b);
    for (long left = count; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
  }
}
