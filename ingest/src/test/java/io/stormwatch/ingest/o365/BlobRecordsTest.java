package io.stormwatch.ingest.o365;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.ingest.sink.SplitRecord;
import io.stormwatch.ingest.sink.SplitRecord.Accepted;
import io.stormwatch.ingest.sink.SplitRecord.Rejected;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlobRecordsTest {

  private static final String TENANT = "41463F53-8812-40F4-890F-865BF6E35190";

  @Test
  void keysEveryRecordByTheTenantAndStampsItsCreationTime() {
    String first =
        "{\"CreationTime\":\"2015-06-29T20:03:19\",\"Id\":\"80c76bd2\",\"Operation\":\"MailItemsAccessed\",\"OperationCount\":\"3\"}";
    String second = "{\"Id\":\"4e655d3f\",\"CreationTime\":\"2015-06-29T20:03:34.5Z\"}";

    List<SplitRecord> records =
        BlobRecords.split(TENANT, ("[" + first + ",\n " + second + "]").getBytes(UTF_8));

    assertThat(records).hasSize(2).allMatch(r -> r instanceof Accepted);
    Accepted a = (Accepted) records.get(0);
    Accepted b = (Accepted) records.get(1);
    assertThat(a.tenantId()).isEqualTo(TENANT.toLowerCase());
    assertThat(a.eventTime()).isEqualTo(Instant.parse("2015-06-29T20:03:19Z"));
    assertThat(new String(a.json(), UTF_8)).isEqualTo(first);
    assertThat(b.eventTime()).isEqualTo(Instant.parse("2015-06-29T20:03:34.500Z"));
    assertThat(new String(b.json(), UTF_8)).isEqualTo(second);
  }

  @Test
  void rejectsAnElementWithoutEventTimeAndKeepsTheOthers() {
    String good = "{\"CreationTime\":\"2015-06-29T20:03:19\",\"Id\":\"a\"}";
    String noTime = "{\"Id\":\"b\",\"CreationTime\":\"yesterday\"}";

    List<SplitRecord> records =
        BlobRecords.split(TENANT, ("[" + good + "," + noTime + ",\"text\"]").getBytes(UTF_8));

    assertThat(records.get(0)).isInstanceOf(Accepted.class);
    assertThat(records.get(1))
        .isInstanceOfSatisfying(
            Rejected.class,
            r -> {
              assertThat(r.errorType()).isEqualTo("NO_EVENT_TIME");
              assertThat(r.reason()).contains("'yesterday'");
              assertThat(new String(r.json(), UTF_8)).isEqualTo(noTime);
            });
    assertThat(records.get(2))
        .isInstanceOfSatisfying(
            Rejected.class, r -> assertThat(r.errorType()).isEqualTo("NOT_AN_OBJECT"));
  }

  @Test
  void rejectsABlobThatIsNotAnArrayWhole() {
    byte[] blob = "[{\"CreationTime\":\"2015-06-29T20:03:19\"},".getBytes(UTF_8);

    List<SplitRecord> records = BlobRecords.split(TENANT, blob);

    assertThat(records)
        .singleElement()
        .isInstanceOfSatisfying(
            Rejected.class,
            r -> {
              assertThat(r.errorType()).isEqualTo("MALFORMED_CONTENT");
              assertThat(r.json()).isEqualTo(blob);
            });
  }
}
