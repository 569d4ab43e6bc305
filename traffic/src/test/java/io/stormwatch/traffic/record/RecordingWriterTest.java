package io.stormwatch.traffic.record;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.formats.files.AuditFileReader;
import io.stormwatch.formats.files.RawKind;
import io.stormwatch.formats.files.RawRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingWriterTest {

  private static final String MAIL_READ =
      "{\"CreationTime\":\"2026-03-03T09:00:00\",\"Id\":\"m1\",\"Operation\":\"MailItemsAccessed\","
          + "\"OrganizationId\":\"contoso\",\"RecordType\":50,\"UserId\":\"a@contoso.com\","
          + "\"SizeInBytes\":1156492.00,\"Subject\":\"caf\\u00e9 \\\\ \\\"q\\\"\"}";
  private static final String SIGN_IN =
      "{\"time\":\"2026-03-03T09:00:01.1234567Z\",\"category\":\"SignInLogs\","
          + "\"tenantId\":\"contoso\",\"properties\":{\"id\":\"s1\",\"displayName\":\"MFA für Gäste\"}}";

  @TempDir Path dir;

  @Test
  void writesRecordsTheReplayReadsBackByteForByte() throws Exception {
    Path recording = dir.resolve("raw.jsonl");
    try (RecordingWriter writer = RecordingWriter.create(recording)) {
      writer.write(MAIL_READ.getBytes(UTF_8));
      writer.write(SIGN_IN.getBytes(UTF_8));
    }

    List<RawRecord> read = readBack(recording);

    assertThat(read)
        .extracting(RawRecord::kind)
        .containsExactly(RawKind.UNIFIED_AUDIT_LOG, RawKind.ENTRA_SIGN_IN);
    assertThat(read)
        .extracting(r -> new String(r.json(), UTF_8))
        .containsExactly(MAIL_READ, SIGN_IN);
  }

  @Test
  void compressesWhenTheNameEndsInGz() throws Exception {
    Path recording = dir.resolve("raw.jsonl.gz");
    try (RecordingWriter writer = RecordingWriter.create(recording)) {
      writer.write(MAIL_READ.getBytes(UTF_8));
    }

    try (InputStream in = new GZIPInputStream(Files.newInputStream(recording))) {
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo(MAIL_READ + "\n");
    }
    assertThat(readBack(recording))
        .extracting(r -> new String(r.json(), UTF_8))
        .containsExactly(MAIL_READ);
  }

  @Test
  void countsWhatHappenedToEachMessage() throws Exception {
    try (RecordingWriter writer = RecordingWriter.create(dir.resolve("raw.jsonl"))) {
      writer.write(MAIL_READ.getBytes(UTF_8));
      writer.write(("[" + MAIL_READ + "," + MAIL_READ + "]").getBytes(UTF_8));
      writer.write("{\n\"Id\":1\n}".getBytes(UTF_8));
      writer.write(new byte[0]);

      assertThat(writer.records()).isEqualTo(4);
      assertThat(writer.messagesAsIs()).isEqualTo(1);
      assertThat(writer.messagesSplit()).isEqualTo(1);
      assertThat(writer.messagesJoined()).isEqualTo(1);
      assertThat(writer.messagesEmpty()).isEqualTo(1);
    }
  }

  private static List<RawRecord> readBack(Path recording) throws Exception {
    List<RawRecord> records = new ArrayList<>();
    try (AuditFileReader reader = AuditFileReader.open(recording)) {
      reader.forEachRemaining(records::add);
    }
    return records;
  }
}
