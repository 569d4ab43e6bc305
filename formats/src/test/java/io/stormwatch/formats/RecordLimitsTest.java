package io.stormwatch.formats;

import static io.stormwatch.formats.Fixtures.bytes;
import static io.stormwatch.formats.Fixtures.parsedEvent;
import static io.stormwatch.formats.Fixtures.record;
import static io.stormwatch.formats.Fixtures.rejection;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.ParseResult.Rejected;
import io.stormwatch.formats.common.RecordLimits;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every limit of {@link RecordLimits} rejects what breaks it with its own type, and only that. */
class RecordLimitsTest {
  private static final String BIND = "ual/mail-items-accessed-bind.json";
  private static final String SIGN_IN = "entra/diagnostic-interactive.json";

  private static final RecordLimits SMALL = new RecordLimits(64 * 1024, 8 * 1024, 8, 50);

  private final UnifiedAuditLogParser ual = new UnifiedAuditLogParser(SMALL);
  private final EntraSignInParser signIns = new EntraSignInParser(SMALL);

  @Nested
  class Nesting {

    @Test
    void rejectsARecordNestedDeeperThanTheLimitInAFieldNobodyReads() {
      Rejected rejected = rejection(ual.parse(withUnreadField(nested(8))));

      assertThat(rejected.errorType()).isEqualTo("too-deep");
      assertThat(rejected.reason())
          .isEqualTo("message: objects and arrays nest deeper than 8 levels");
    }

    @Test
    void rejectsDeepNestingInAFieldTheMapperReads() {
      byte[] message = record(BIND).withJson("AppAccessContext", nested(8)).bytes();

      assertThat(rejection(ual.parse(message)).errorType()).isEqualTo("too-deep");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
      // the record is level 1: seven brackets in one of its fields reach level 8
      assertThat(parsedEvent(ual.parse(withUnreadField(nested(7))))).isNotNull();
    }

    @Test
    void rejectsANestingBombWithTheSameTypeAsAnyDeepRecord() {
      String bomb = "[".repeat(200_000) + "]".repeat(200_000);

      Rejected rejected = rejection(new UnifiedAuditLogParser().parse(withUnreadField(bomb)));

      assertThat(rejected.errorType()).isEqualTo("too-deep");
      assertThat(rejected.reason()).contains("deeper than 64 levels");
    }

    @Test
    void holdsSignInsToTheSameLimit() {
      byte[] signIn = record(SIGN_IN).withJson("properties.deviceDetail", nested(8)).bytes();

      assertThat(rejection(signIns.parse(signIn)).errorType()).isEqualTo("too-deep");
    }
  }

  @Nested
  class Arrays {

    @Test
    void rejectsAnArrayLongerThanTheLimitInAFieldNobodyReads() {
      Rejected rejected = rejection(ual.parse(withUnreadField(array(51))));

      assertThat(rejected.errorType()).isEqualTo("array-too-long");
      assertThat(rejected.reason())
          .isEqualTo("message: an array holds more than 50 elements, the limit");
    }

    @Test
    void rejectsTooManyFoldersAlthoughOnlyTheirNumberIsRead() {
      byte[] message = record(BIND).withJson("Folders", array(51)).bytes();

      assertThat(rejection(ual.parse(message)).errorType()).isEqualTo("array-too-long");
    }

    @Test
    void rejectsAnOverlongArrayInsideANestedObject() {
      byte[] message =
          record(BIND).withJson("OperationProperties", "[{\"Name\":" + array(51) + "}]").bytes();

      assertThat(rejection(ual.parse(message)).errorType()).isEqualTo("array-too-long");
    }

    @Test
    void acceptsAnArrayOfExactlyTheLimit() {
      assertThat(parsedEvent(ual.parse(withUnreadField(array(50))))).isNotNull();
    }
  }

  @Nested
  class ContentBlobs {

    @Test
    void rejectsOnlyTheElementThatBreaksALimitAndReadsTheOthers() {
      byte[] good = record(BIND).bytes();
      byte[] deep = withUnreadField(nested(8));
      byte[] longArray = withUnreadField(array(51));
      byte[] blob = blob(good, deep, good, longArray, good);

      List<ParseResult> results = ual.parse(blob);

      assertThat(results).hasSize(5);
      assertThat(results).filteredOn(Parsed.class::isInstance).hasSize(3);
      Rejected tooDeep = (Rejected) results.get(1);
      assertThat(tooDeep.errorType()).isEqualTo("too-deep");
      assertThat(tooDeep.reason()).startsWith("element 1: ");
      assertThat(tooDeep.recordBytes()).isEqualTo(deep);
      Rejected tooLong = (Rejected) results.get(3);
      assertThat(tooLong.errorType()).isEqualTo("array-too-long");
      assertThat(tooLong.recordBytes()).isEqualTo(longArray);
    }

    @Test
    void readsPastAnElementNestedBeyondTheParsersOwnLimit() {
      byte[] good = record(BIND).bytes();
      byte[] bomb = withUnreadField("[".repeat(900) + "]".repeat(900));

      List<ParseResult> results = ual.parse(blob(good, bomb, good));

      assertThat(results).hasSize(3);
      assertThat(((Rejected) results.get(1)).errorType()).isEqualTo("too-deep");
      assertThat(results.get(2)).isInstanceOf(Parsed.class);
    }

    @Test
    void rejectsEachRecordBeyondTheLimitOfOneMessageWithItsOwnBytes() {
      byte[][] records = new byte[53][];
      for (int i = 0; i < records.length; i++) {
        records[i] = minimalRecord(i);
      }

      List<ParseResult> results = new UnifiedAuditLogParser(bigMessages(50)).parse(blob(records));

      assertThat(results).hasSize(53);
      assertThat(results.subList(0, 50)).allMatch(Parsed.class::isInstance);
      for (int i = 50; i < 53; i++) {
        Rejected beyond = (Rejected) results.get(i);
        assertThat(beyond.errorType()).isEqualTo("array-too-long");
        assertThat(beyond.reason())
            .isEqualTo("element " + i + " is beyond the 50 records one message may hold");
        assertThat(beyond.recordBytes()).isEqualTo(records[i]);
      }
    }

    @Test
    void rejectsAnElementLargerThanARecordMayBeWithItsBytes() {
      byte[] good = record(BIND).bytes();
      byte[] large = record(BIND).with("ClientInfoString", "x".repeat(9 * 1024)).bytes();

      List<ParseResult> results = ual.parse(blob(good, large, good));

      Rejected rejected = (Rejected) results.get(1);
      assertThat(rejected.errorType()).isEqualTo("too-large");
      assertThat(rejected.recordBytes()).isEqualTo(large);
      assertThat(results.get(2)).isInstanceOf(Parsed.class);
    }

    @Test
    void holdsEventHubEnvelopesToTheSameLimits() {
      byte[] good = record(SIGN_IN).bytes();
      byte[] deep = record(SIGN_IN).withJson("properties.deviceDetail", nested(8)).bytes();
      byte[] envelope =
          concat("{\"records\":".getBytes(UTF_8), blob(good, deep), "}".getBytes(UTF_8));

      List<ParseResult> results = signIns.parse(envelope);

      assertThat(results).hasSize(2);
      assertThat(results.get(0)).isInstanceOf(Parsed.class);
      assertThat(((Rejected) results.get(1)).errorType()).isEqualTo("too-deep");
      assertThat(((Rejected) results.get(1)).reason()).startsWith("records[1]: ");
    }
  }

  @Nested
  class Sizes {

    @Test
    void rejectsAMessageLargerThanTheLimitWholeBeforeParsingIt() {
      byte[] message = ("[" + "1,".repeat(40 * 1024) + "1]").getBytes(UTF_8);

      Rejected rejected = rejection(ual.parse(message));

      assertThat(rejected.errorType()).isEqualTo("message-too-large");
      assertThat(rejected.reason())
          .isEqualTo("message of " + message.length + " bytes exceeds the 65536-byte limit");
      assertThat(rejected.recordBytes()).isSameAs(message);
    }

    @Test
    void rejectsATenMegabyteValueAsATooLargeRecordByDefault() {
      byte[] message = record(BIND).with("ClientInfoString", "x".repeat(10_000_000)).bytes();

      Rejected rejected = rejection(new UnifiedAuditLogParser().parse(message));

      assertThat(rejected.errorType()).isEqualTo("too-large");
      assertThat(rejected.recordBytes()).isSameAs(message);
    }
  }

  @Nested
  class HostileBytes {

    @Test
    void rejectsInvalidUtf8AsNotJsonWhetherTheFieldIsReadOrNot() {
      for (String field : List.of("UserId", "Unread")) {
        Rejected rejected = rejection(ual.parse(withRawBytesIn(field, 0xC3, 0x28)));

        assertThat(rejected.errorType()).as(field).isEqualTo("not-json");
        assertThat(rejected.reason()).as(field).containsIgnoringCase("UTF-8");
      }
    }

    @Test
    void rejectsARawNulByteAsNotJson() {
      assertThat(rejection(ual.parse(withRawBytesIn("Unread", 0x00))).errorType())
          .isEqualTo("not-json");
    }

    @Test
    void keepsAnEscapedNulInsideAValue() {
      byte[] message = record(BIND).with("UserId", "megan\u0000@contoso.example").bytes();

      assertThat(parsedEvent(ual.parse(message)).getAccountId())
          .isEqualTo("megan\u0000@contoso.example");
    }

    /**
     * The BIND fixture with {@code field} first, a string holding {@code raw} bytes as they are.
     */
    private static byte[] withRawBytesIn(String field, int... raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(("{\"" + field + "\":\"ab").getBytes(UTF_8));
      for (int b : raw) {
        out.write(b);
      }
      out.writeBytes("cd\",".getBytes(UTF_8));
      String rest = new String(record(BIND).without(field).bytes(), UTF_8);
      out.writeBytes(rest.substring(1).getBytes(UTF_8));
      return out.toByteArray();
    }
  }

  @Nested
  class Settings {

    @Test
    void refusesARecordLimitAboveTheMessageLimit() {
      assertThatThrownBy(() -> new RecordLimits(1024, 2048, 8, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("may not be larger than a message");
    }

    @Test
    void refusesNestingBeyondWhatTheParserCanSkip() {
      assertThatThrownBy(() -> new RecordLimits(1024, 1024, 1000, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("between 2 and 999");
    }
  }

  @Test
  void keepsTheRecordBytesOfAParsedElement() {
    byte[] first = record(BIND).bytes();
    byte[] second = minimalRecord(7);

    List<ParseResult> results = ual.parse(blob(first, second));

    assertThat(((Parsed) results.get(0)).recordBytes()).isEqualTo(first);
    assertThat(((Parsed) results.get(1)).recordBytes()).isEqualTo(second);
  }

  @Test
  void keepsTheWholeMessageAsTheBytesOfASingleRecord() {
    byte[] message = bytes(BIND);

    assertThat(((Parsed) ual.parse(message).get(0)).recordBytes()).isSameAs(message);
  }

  private static RecordLimits bigMessages(int maxArrayElements) {
    return new RecordLimits(1024 * 1024, 64 * 1024, 64, maxArrayElements);
  }

  /** The BIND fixture with {@code json} in a field the mapper never reads, spliced in as text. */
  private static byte[] withUnreadField(String json) {
    String compact = new String(record(BIND).bytes(), UTF_8);
    return (compact.substring(0, compact.length() - 1) + ",\"Unread\":" + json + "}")
        .getBytes(UTF_8);
  }

  /** An array whose innermost value sits {@code levels} brackets down. */
  private static String nested(int levels) {
    return "[".repeat(levels) + "1" + "]".repeat(levels);
  }

  private static String array(int elements) {
    return "[" + "0,".repeat(elements - 1) + "0]";
  }

  private static byte[] minimalRecord(int n) {
    return ("{\"Id\":\"id-"
            + n
            + "\",\"OrganizationId\":\"t\",\"UserId\":\"u@t\",\"CreationTime\":\"2024-03-05T14:07:12\","
            + "\"Operation\":\"MailItemsAccessed\"}")
        .getBytes(UTF_8);
  }

  private static byte[] blob(byte[]... records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('[');
    for (int i = 0; i < records.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(records[i]);
    }
    out.write(']');
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
