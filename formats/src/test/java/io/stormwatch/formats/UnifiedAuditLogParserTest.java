package io.stormwatch.formats;

import static io.stormwatch.formats.Fixtures.bytes;
import static io.stormwatch.formats.Fixtures.parsedEvent;
import static io.stormwatch.formats.Fixtures.record;
import static io.stormwatch.formats.Fixtures.rejection;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.ParseResult.Rejected;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.EventSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedAuditLogParserTest {
  private static final String BIND = "ual/mail-items-accessed-bind.json";
  private static final String SYNC = "ual/mail-items-accessed-sync.json";
  private static final String OWA_AUTH = "ual/owa-auth.json";

  private final UnifiedAuditLogParser parser = new UnifiedAuditLogParser();

  private AuditEvent parse(byte[] message) {
    return parsedEvent(parser.parse(message));
  }

  private Rejected reject(byte[] message) {
    return rejection(parser.parse(message));
  }

  @Nested
  class MailItemsAccessedBind {
    private final AuditEvent event = parse(bytes(BIND));

    @Test
    void identifiesTheRecordTenantAndAccountInLowerCase() {
      assertThat(event.getEventId()).isEqualTo("5b1c7e0a-2f44-4d6e-9a51-0c3f8e2d7b19");
      assertThat(event.getSource()).isEqualTo(EventSource.UNIFIED_AUDIT_LOG);
      assertThat(event.getTenantId()).isEqualTo("6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d");
      assertThat(event.getAccountId()).isEqualTo("megan.bowen@contoso.example");
      assertThat(event.getMailboxOwner()).isEqualTo("megan.bowen@contoso.example");
    }

    @Test
    void isAMailItemsAccessedEventAtCreationTimeInUtc() {
      assertThat(event.getKind()).isEqualTo(EventKind.MAIL_ITEMS_ACCESSED);
      assertThat(event.getOperation()).isEqualTo("MailItemsAccessed");
      assertThat(event.getRecordType()).isEqualTo(50);
      assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-03-05T14:07:12Z"));
    }

    @Test
    void readsTheTokenAndSessionFromAppAccessContext() {
      assertThat(event.getUniqueTokenId()).isEqualTo("q3Rk8vWm0UaPz1xYb7NcAA");
      assertThat(event.getSessionId()).isEqualTo("7c2e4b1a-9f3d-4e8b-a6c5-2d1f0e9b8a7c");
      assertThat(event.getTokenIssuedAt()).isEqualTo(Instant.parse("2024-03-05T13:58:40Z"));
    }

    @Test
    void prefersTheTopLevelClientAppIdInLowerCase() {
      assertThat(event.getClientAppId()).isEqualTo("d3590ed6-52b3-4102-aeff-aad2292ab01c");
    }

    @Test
    void stripsPortAndBracketsFromAnIpv6ClientAddress() {
      assertThat(event.getClientIp()).isEqualTo("2001:db8::2a");
    }

    @Test
    void readsMailAccessTypeByNameNotPosition() {
      assertThat(event.getMailAccessType()).isEqualTo("Bind");
      assertThat(event.getThrottled()).isFalse();
    }

    @Test
    void countsItemsAndFolders() {
      assertThat(event.getOperationCount()).isEqualTo(3);
      assertThat(event.getFolderCount()).isEqualTo(1);
    }

    @Test
    void takesTheClientInfoStringAsUserAgent() {
      assertThat(event.getUserAgent()).isEqualTo("Client=OutlookService;Outlook-Android/2.0;");
    }

    @Test
    void leavesSignInOnlyAndEnrichmentFieldsEmpty() {
      assertThat(event.getInteractive()).isNull();
      assertThat(event.getSucceeded()).isNull();
      assertThat(event.getAsn()).isNull();
      assertThat(event.getCountry()).isNull();
      assertThat(event.getResourceId()).isNull();
    }
  }

  @Nested
  class MailItemsAccessedSync {
    private final AuditEvent event = parse(bytes(SYNC));

    @Test
    void readsSyncAndThrottlingWrittenInAnyCase() {
      assertThat(event.getMailAccessType()).isEqualTo("Sync");
      assertThat(event.getThrottled()).isTrue();
    }

    @Test
    void countsTheSynchronisedFolders() {
      assertThat(event.getFolderCount()).isEqualTo(3);
    }

    @Test
    void readsNumbersSentAsStrings() {
      assertThat(event.getRecordType()).isEqualTo(50);
      assertThat(event.getOperationCount()).isEqualTo(1);
    }

    @Test
    void treatsAnEmptyTokenIdAsAbsent() {
      assertThat(event.getUniqueTokenId()).isNull();
    }

    @Test
    void fallsBackToTheTopLevelSessionIdWhenAadSessionIdIsEmpty() {
      assertThat(event.getSessionId()).isEqualTo("4b9e1f2a-3c5d-4e6f-8a7b-9c0d1e2f3a4b");
    }

    @Test
    void fallsBackToTheAppAccessContextClientAppIdWhenTheTopLevelOneIsEmpty() {
      assertThat(event.getClientAppId()).isEqualTo("5e3ce6c0-2b1f-4285-8d4b-75ee78787346");
    }

    @Test
    void readsAnIssuedAtTimeWithFractionAndZone() {
      assertThat(event.getTokenIssuedAt()).isEqualTo(Instant.parse("2024-03-05T14:01:02.500Z"));
    }

    @Test
    void stripsThePortFromAnIpv4ClientAddress() {
      assertThat(event.getClientIp()).isEqualTo("198.51.100.23");
    }
  }

  @Nested
  class OwaAuth {
    private final AuditEvent event = parse(bytes(OWA_AUTH));

    @Test
    void isAnOwaAuthEvent() {
      assertThat(event.getKind()).isEqualTo(EventKind.OWA_AUTH);
      assertThat(event.getRecordType()).isEqualTo(275);
    }

    @Test
    void readsTheTokenIdAndSessionFromTopLevelFields() {
      assertThat(event.getUniqueTokenId()).isEqualTo("q3Rk8vWm0UaPz1xYb7NcAA");
      assertThat(event.getSessionId()).isEqualTo("7c2e4b1a-9f3d-4e8b-a6c5-2d1f0e9b8a7c");
    }

    @Test
    void readsUniqueTokenIdentifierSpelling() {
      byte[] message =
          record(OWA_AUTH)
              .without("UniqueTokenId")
              .with("UniqueTokenIdentifier", "AnotherSpellingOfUti00")
              .bytes();

      assertThat(parse(message).getUniqueTokenId()).isEqualTo("AnotherSpellingOfUti00");
    }

    @Test
    void takesClientIpWhenThereIsNoClientIpAddress() {
      assertThat(event.getClientIp()).isEqualTo("203.0.113.77");
    }
  }

  @Nested
  class OtherOperations {
    @Test
    void keepsANonMailOperationAsOther() {
      AuditEvent event = parse(bytes("ual/sharepoint-file-accessed.json"));

      assertThat(event.getKind()).isEqualTo(EventKind.OTHER);
      assertThat(event.getOperation()).isEqualTo("FileAccessed");
      assertThat(event.getRecordType()).isEqualTo(6);
      assertThat(event.getUserAgent()).startsWith("Mozilla/5.0 (Macintosh;");
      assertThat(event.getOperationCount()).isZero();
    }

    @Test
    void readsAnAzureActiveDirectoryLogon() {
      AuditEvent event = parse(bytes("ual/azure-ad-user-logged-in.json"));

      assertThat(event.getKind()).isEqualTo(EventKind.OTHER);
      assertThat(event.getOperation()).isEqualTo("UserLoggedIn");
      assertThat(event.getRecordType()).isEqualTo(15);
      assertThat(event.getAccountId()).isEqualTo("megan.bowen@contoso.example");
      assertThat(event.getUserAgent())
          .startsWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123");
    }

    @Test
    void keepsAnUnknownOperation() {
      byte[] message = record(BIND).with("Operation", "SomethingMicrosoftAddsNextYear").bytes();

      AuditEvent event = parse(message);

      assertThat(event.getKind()).isEqualTo(EventKind.OTHER);
      assertThat(event.getOperation()).isEqualTo("SomethingMicrosoftAddsNextYear");
    }

    @Test
    void treatsAttachmentAccessAsOtherDespiteRecordType50() {
      byte[] message = record(BIND).with("Operation", "AttachmentAccess").bytes();

      assertThat(parse(message).getKind()).isEqualTo(EventKind.OTHER);
    }

    @Test
    void keepsRecordTypeMinusOne() {
      assertThat(parse(record(BIND).withJson("RecordType", "-1").bytes()).getRecordType())
          .isEqualTo(-1);
    }

    @Test
    void leavesAnUnreadableRecordTypeEmpty() {
      assertThat(parse(record(BIND).with("RecordType", "fifty").bytes()).getRecordType()).isNull();
    }
  }

  @Nested
  class RequiredFields {
    @Test
    void rejectsARecordWithoutCreationTime() {
      byte[] message = record(BIND).without("CreationTime").bytes();

      Rejected rejected = reject(message);

      assertThat(rejected.errorType()).isEqualTo("missing-field");
      assertThat(rejected.reason()).isEqualTo("CreationTime missing");
      assertThat(rejected.recordBytes()).isEqualTo(message);
    }

    @Test
    void namesEveryMissingFieldInOneReason() {
      byte[] message =
          record(BIND).without("OrganizationId").without("UserId").without("Operation").bytes();

      assertThat(reject(message).reason())
          .isEqualTo("OrganizationId missing, UserId missing, Operation missing");
    }

    @Test
    void rejectsAnEmptyUserId() {
      Rejected rejected = reject(record(BIND).with("UserId", "  ").bytes());

      assertThat(rejected.errorType()).isEqualTo("missing-field");
      assertThat(rejected.reason()).isEqualTo("UserId empty");
    }

    @Test
    void rejectsAUserIdThatIsAnObject() {
      Rejected rejected = reject(record(BIND).withJson("UserId", "{\"upn\":\"x\"}").bytes());

      assertThat(rejected.errorType()).isEqualTo("wrong-type");
      assertThat(rejected.reason()).isEqualTo("UserId is an object, not a string");
    }

    @Test
    void rejectsACreationTimeThatIsNotATime() {
      Rejected rejected = reject(record(BIND).with("CreationTime", "2020-13-45").bytes());

      assertThat(rejected.errorType()).isEqualTo("bad-time");
      assertThat(rejected.reason()).isEqualTo("CreationTime '2020-13-45' is not a time");
    }

    @ParameterizedTest
    @CsvSource({
      "2024-03-05T14:07:12, 2024-03-05T14:07:12Z",
      "2024-03-05T14:07:12.1234567, 2024-03-05T14:07:12.123Z",
      "2024-03-05T14:07:12Z, 2024-03-05T14:07:12Z",
      "2024-03-05T16:07:12+02:00, 2024-03-05T14:07:12Z",
      "3/5/2024 2:07:12 PM, 2024-03-05T14:07:12Z"
    })
    void acceptsCreationTimeWithOrWithoutFractionAndZone(String creationTime, String expected) {
      byte[] message = record(BIND).with("CreationTime", creationTime).bytes();

      assertThat(parse(message).getEventTime()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void acceptsIdsThatAreNotGuidsOrAreNumbers() {
      assertThat(parse(record(BIND).with("Id", "7").bytes()).getEventId()).isEqualTo("7");
      assertThat(parse(record(BIND).withJson("Id", "8").bytes()).getEventId()).isEqualTo("8");
    }

    @Test
    void acceptsServiceNamesAndSidsAsUserId() {
      assertThat(parse(record(BIND).with("UserId", "S-1-5-18").bytes()).getAccountId())
          .isEqualTo("s-1-5-18");
      assertThat(parse(record(BIND).with("UserId", "AirInvestigation").bytes()).getAccountId())
          .isEqualTo("airinvestigation");
    }
  }

  @Nested
  class Quirks {
    @Test
    void fallsBackToClientIpWhenClientIpAddressIsJunk() {
      byte[] message =
          record(BIND)
              .with("ClientIPAddress", "NOTANIPV4 (10.9000.0.1)")
              .with("ClientIP", "192.0.2.9:443")
              .bytes();

      assertThat(parse(message).getClientIp()).isEqualTo("192.0.2.9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "cool.client.local:12345", "10.900.0.1", ""})
    void leavesAHostNameOrJunkAddressEmptyWithoutRejecting(String address) {
      byte[] message = record(BIND).with("ClientIPAddress", address).bytes();

      assertThat(parse(message).getClientIp()).isNull();
    }

    @Test
    void readsOperationPropertiesSentAsAJsonString() {
      byte[] message =
          record(BIND)
              .with(
                  "OperationProperties",
                  "[{\"Name\":\"IsThrottled\",\"Value\":\"true\"},"
                      + "{\"Name\":\"MailAccessType\",\"Value\":\"sync\"}]")
              .bytes();

      AuditEvent event = parse(message);

      assertThat(event.getMailAccessType()).isEqualTo("Sync");
      assertThat(event.getThrottled()).isTrue();
    }

    @Test
    void ignoresOperationPropertiesThatOnlyLookLikeJson() {
      byte[] message = record(BIND).with("OperationProperties", "[Bind,Sync]").bytes();

      AuditEvent event = parse(message);

      assertThat(event.getMailAccessType()).isNull();
      assertThat(event.getThrottled()).isFalse();
    }

    @Test
    void letsTheLastOfDuplicateKeysWin() {
      String json =
          new String(record(BIND).without("Operation").bytes(), UTF_8)
              .replaceFirst("\\{", "{\"Operation\":\"Send\",\"Operation\":\"MailItemsAccessed\",");

      assertThat(parse(json.getBytes(UTF_8)).getKind()).isEqualTo(EventKind.MAIL_ITEMS_ACCESSED);
    }

    @Test
    void readsEscapedSlashesAndNonAsciiText() {
      byte[] message =
          record(BIND).without("ClientInfoString").with("UserAgent", "Outlook/16.0 – Büro").bytes();
      String escaped = new String(message, UTF_8).replace("Outlook/", "Outlook\\/");

      assertThat(escaped).contains("Outlook\\/16.0");
      assertThat(parse(escaped.getBytes(UTF_8)).getUserAgent()).isEqualTo("Outlook/16.0 – Büro");
    }

    @Test
    void readsOperationCountWrittenAsADecimal() {
      assertThat(parse(record(BIND).withJson("OperationCount", "6.00").bytes()).getOperationCount())
          .isEqualTo(6);
    }

    @Test
    void countsNothingWhenOperationCountIsAbsent() {
      assertThat(parse(record(BIND).without("OperationCount").bytes()).getOperationCount())
          .isZero();
    }

    @Test
    void leavesAnUnreadableIssuedAtTimeEmptyWithoutRejecting() {
      byte[] message = record(BIND).with("AppAccessContext.IssuedAtTime", "soon").bytes();

      assertThat(parse(message).getTokenIssuedAt()).isNull();
    }

    @Test
    void leavesAMissingTokenIdEmpty() {
      byte[] message = record(BIND).without("AppAccessContext.UniqueTokenId").bytes();

      assertThat(parse(message).getUniqueTokenId()).isNull();
    }

    @Test
    void skipsAUtf8ByteOrderMark() {
      byte[] record = bytes(OWA_AUTH);
      byte[] message = new byte[record.length + 3];
      message[0] = (byte) 0xEF;
      message[1] = (byte) 0xBB;
      message[2] = (byte) 0xBF;
      System.arraycopy(record, 0, message, 3, record.length);

      assertThat(parse(message).getKind()).isEqualTo(EventKind.OWA_AUTH);
    }
  }

  @Nested
  class Messages {
    @Test
    void readsEveryRecordOfAContentBlob() {
      List<ParseResult> results = parser.parse(bytes("ual/content-blob.json"));

      assertThat(results).hasSize(3);
      assertThat(results.get(0)).isInstanceOf(Parsed.class);
      assertThat(((Parsed) results.get(0)).event().getKind())
          .isEqualTo(EventKind.MAIL_ITEMS_ACCESSED);
      assertThat(((Parsed) results.get(1)).event().getOperation()).isEqualTo("Send");
      Rejected third = (Rejected) results.get(2);
      assertThat(third.reason()).isEqualTo("Operation missing");
      assertThat(new String(third.recordBytes(), UTF_8))
          .startsWith("{\"CreationTime\":\"2024-03-05T16:00:02\"")
          .endsWith("\"Workload\":\"Exchange\"}");
    }

    @Test
    void keepsElementBytesExactBehindAByteOrderMark() {
      byte[] blob = bytes("ual/content-blob.json");
      byte[] message = new byte[blob.length + 3];
      message[0] = (byte) 0xEF;
      message[1] = (byte) 0xBB;
      message[2] = (byte) 0xBF;
      System.arraycopy(blob, 0, message, 3, blob.length);

      List<ParseResult> results = parser.parse(message);

      assertThat(new String(((Rejected) results.get(2)).recordBytes(), UTF_8))
          .startsWith("{\"CreationTime\":\"2024-03-05T16:00:02\"")
          .endsWith("\"Workload\":\"Exchange\"}");
    }

    @Test
    void rejectsContentAfterTheContentBlob() {
      List<ParseResult> results = parser.parse("[] {\"Id\":1}".getBytes(UTF_8));

      Rejected rest = rejection(results);
      assertThat(rest.reason()).isEqualTo("unexpected content after the array");
      assertThat(new String(rest.recordBytes(), UTF_8)).isEqualTo("{\"Id\":1}");
    }

    @Test
    void yieldsNothingForAnEmptyContentBlob() {
      assertThat(parser.parse("[ ]".getBytes(UTF_8))).isEmpty();
    }

    @Test
    void keepsTheRecordsBeforeABreakInAContentBlob() {
      String blob = "[" + new String(bytes(OWA_AUTH), UTF_8).strip() + ", {\"Id\": ";

      List<ParseResult> results = parser.parse(blob.getBytes(UTF_8));

      assertThat(results).hasSize(2);
      assertThat(results.get(0)).isInstanceOf(Parsed.class);
      Rejected rest = (Rejected) results.get(1);
      assertThat(rest.errorType()).isEqualTo("not-json");
      assertThat(rest.reason()).startsWith("element 1 and what follows is not valid JSON");
      assertThat(new String(rest.recordBytes(), UTF_8)).isEqualTo("{\"Id\": ");
    }

    @Test
    void rejectsAnArrayElementThatIsNotAnObject() {
      Rejected rejected = reject("[\"MailItemsAccessed\"]".getBytes(UTF_8));

      assertThat(rejected.errorType()).isEqualTo("not-an-object");
      assertThat(rejected.reason()).isEqualTo("element 0 is a string, not a JSON object");
      assertThat(rejected.recordBytes()).isEqualTo("\"MailItemsAccessed\"".getBytes(UTF_8));
    }

    @Test
    void rejectsAMessageThatIsNotJson() {
      byte[] message = "CreationTime=2024-03-05".getBytes(UTF_8);

      Rejected rejected = reject(message);

      assertThat(rejected.errorType()).isEqualTo("not-json");
      assertThat(rejected.reason()).contains("line 1, column");
      assertThat(rejected.recordBytes()).isEqualTo(message);
    }

    @Test
    void rejectsTrailingContentAfterARecord() {
      byte[] message = (new String(bytes(OWA_AUTH), UTF_8).strip() + " {}").getBytes(UTF_8);

      assertThat(reject(message).errorType()).isEqualTo("not-json");
    }

    @Test
    void rejectsAnEmptyOrNullMessage() {
      assertThat(reject(new byte[0]).reason()).isEqualTo("message is empty or only whitespace");
      assertThat(reject(null).reason()).isEqualTo("message is null");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
      Rejected rejected = reject("42".getBytes(UTF_8));

      assertThat(rejected.errorType()).isEqualTo("not-an-object");
      assertThat(rejected.reason()).isEqualTo("message is a number, not a JSON object");
    }

    @Test
    void rejectsARecordOverOneMebibyte() {
      byte[] message = record(BIND).with("ClientInfoString", "x".repeat(1024 * 1024)).bytes();

      Rejected rejected = reject(message);

      assertThat(rejected.errorType()).isEqualTo("too-large");
      assertThat(rejected.reason())
          .isEqualTo("record of " + message.length + " bytes exceeds the 1048576-byte limit");
    }

    @Test
    void namesASignInRecordSentToTheAuditLogTopic() {
      Rejected rejected = reject(bytes("entra/diagnostic-interactive.json"));

      assertThat(rejected.errorType()).isEqualTo("unsupported-shape");
    }
  }
}
