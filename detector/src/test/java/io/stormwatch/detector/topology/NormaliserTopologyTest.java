package io.stormwatch.detector.topology;

import static io.stormwatch.detector.testing.Events.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NormaliserTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:15:27Z");
  private static final byte[] TENANT_KEY = TENANT.getBytes(StandardCharsets.UTF_8);

  private final TopologyFixture pipeline = new TopologyFixture();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void normalisesAMailAccessRecordKeyedByAccountAtItsEventTime() {
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.mailItemsAccessed(
            "ual-1", TENANT, "Alice@Contoso.com", T0, "[73.22.10.5]:443", "uti-1", 6));

    TestRecord<String, AuditEvent> out = pipeline.events.readRecord();

    assertThat(out.key()).isEqualTo(TENANT + "/alice@contoso.com");
    assertThat(out.getRecordTime()).isEqualTo(T0);
    AuditEvent event = out.value();
    assertThat(event.getKind()).isEqualTo(EventKind.MAIL_ITEMS_ACCESSED);
    assertThat(event.getClientIp()).isEqualTo("73.22.10.5");
    assertThat(event.getUniqueTokenId()).isEqualTo("uti-1");
    assertThat(event.getOperationCount()).isEqualTo(6);
    assertThat(event.getAsn()).isEqualTo(7922L);
    assertThat(event.getAsOrganisation()).isEqualTo("Comcast Cable Communications, LLC");
    assertThat(event.getCountry()).isEqualTo("US");
  }

  @Test
  void keepsTheNetworkASignInRecordCarries() {
    pipeline.signInRaw.pipeInput(
        TENANT_KEY,
        RawRecords.signIn(
            "si-1", TENANT, "alice@contoso.com", T0, "73.22.10.5", 64500L, "CA", "uti-1"));

    AuditEvent event = pipeline.events.readValue();

    assertThat(event.getKind()).isEqualTo(EventKind.SIGN_IN);
    assertThat(event.getAsn()).isEqualTo(64500L);
    assertThat(event.getCountry()).isEqualTo("CA");
    assertThat(event.getAsOrganisation()).as("the table's name belongs to another ASN").isNull();
  }

  @Test
  void sendsMalformedRecordsToTheDeadLetterTopicWithTheReasonAndOrigin() {
    byte[] broken =
        "{\"Id\":\"x\",\"Operation\":\"MailItemsAccessed\"".getBytes(StandardCharsets.UTF_8);
    byte[] missingTime =
        "{\"Id\":\"y\",\"Operation\":\"Send\",\"OrganizationId\":\"t\",\"UserId\":\"u\"}"
            .getBytes(StandardCharsets.UTF_8);
    pipeline.ualRaw.pipeInput(TENANT_KEY, broken);
    pipeline.ualRaw.pipeInput(TENANT_KEY, missingTime);

    var first = pipeline.deadLetters.readRecord();
    var second = pipeline.deadLetters.readRecord();

    assertThat(first.value()).isEqualTo(broken);
    assertThat(first.key()).isEqualTo(TENANT_KEY);
    DeadLetter notJson = DeadLetterHeaders.read(first.headers(), first.value());
    assertThat(notJson.getErrorType()).isEqualTo("not-json");
    assertThat(notJson.getSourceTopic()).isEqualTo("m365.audit.raw");
    assertThat(notJson.getSourceOffset()).isEqualTo(0L);
    DeadLetter noTime = DeadLetterHeaders.read(second.headers(), second.value());
    assertThat(noTime.getErrorType()).isEqualTo("missing-field");
    assertThat(noTime.getReason()).contains("CreationTime");
    assertThat(noTime.getSourceOffset()).isEqualTo(1L);
    assertThat(pipeline.events.isEmpty()).isTrue();
  }

  @Test
  void keepsGoingAfterBadInput() {
    pipeline.ualRaw.pipeInput(TENANT_KEY, new byte[] {(byte) 0xff, 0x00, 0x13});
    pipeline.ualRaw.pipeInput(TENANT_KEY, (byte[]) null);
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.mailItemsAccessed(
            "ual-2", TENANT, "bob@contoso.com", T0, "73.1.1.1", "uti-2", 1));

    assertThat(pipeline.deadLetters.readValuesToList()).hasSize(2);
    assertThat(pipeline.events.readValuesToList())
        .extracting(AuditEvent::getEventId)
        .containsExactly("ual-2");
  }

  @Test
  void dropsADuplicateOfARecordAlreadySeen() {
    byte[] record =
        RawRecords.mailItemsAccessed(
            "ual-3", TENANT, "alice@contoso.com", T0, "73.1.1.1", "uti-1", 2);
    pipeline.ualRaw.pipeInput(TENANT_KEY, record);
    pipeline.ualRaw.pipeInput(TENANT_KEY, record);

    assertThat(pipeline.events.readValuesToList()).hasSize(1);
  }
}
