package io.stormwatch.sim.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.formats.common.RecordLimits;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.hostile.BaseRecords.Base;
import io.stormwatch.sim.random.Draw;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Generates hostile raw messages from valid simulated records: a deterministic (seeded) mix of
 * mutations, each message labelled with its {@link HostileClass}. Every record gets an id naming
 * its class ({@link HostileIds}), and every message that is not a content blob starts with a byte
 * that makes the parsers read it as one record, so that each message's record count is known.
 *
 * <p>Ten-megabyte values come every {@value #HUGE_VALUE_EVERY} messages, from the {@value
 * #HUGE_VALUE_FIRST}th on; one content blob holding more records than a message may comes once,
 * half way, when there are records enough for it.
 */
public final class HostileRecordGenerator implements Iterator<HostileMessage> {

  static final int HUGE_VALUE_EVERY = 20_000;
  static final int HUGE_VALUE_FIRST = 999;
  static final int HUGE_VALUE_BYTES = 10_000_000;
  private static final int RECENT_VALID = 256;
  private static final Duration DUPLICATE_WITHIN = Duration.ofHours(1);
  private static final Instant YEAR_2999 = Instant.parse("2999-12-31T23:59:59Z");

  /** The share of each randomly drawn class, in parts of the total. */
  private static final Map<HostileClass, Integer> WEIGHTS = weights();

  private static final List<String> IPV6_ODDITIES =
      List.of(
          "fe80::1%eth0",
          "fe80::1%25en0",
          "[fe80::1%eth0]:443",
          "::ffff:10.1.2.3",
          "::FFFF:a01:203",
          "[2001:db8::1]:8443",
          "[2001:DB8:0:0:0:0:0:2A]:51123",
          "2001:0db8:0000:0000:0000:ff00:0042:8329",
          "64:ff9b::192.0.2.33",
          "::",
          "[::]:0",
          "2001:db8::1::2",
          ":::",
          "[::1",
          "::1]",
          "1::2:3:4:5:6:7:8",
          "2001:db8:85a3::8a2e:370:7334/64",
          "fe80::1%",
          "[2001:db8::1]:99999",
          "::ffff:999.1.1.1",
          "1.2.3.4.5",
          "\uff12\uff10\uff10\uff11:db8::1",
          "2001:db8::g",
          "x".repeat(300));

  private static final List<int[]> INVALID_UTF8 =
      List.of(
          new int[] {0xC3, 0x28},
          new int[] {0xA0, 0xA1},
          new int[] {0xE2, 0x28, 0xA1},
          new int[] {0xF0, 0x28, 0x8C, 0xBC},
          new int[] {0xFF},
          new int[] {0xFE, 0xFE},
          new int[] {0xC0, 0xAF},
          new int[] {0xED, 0xA0, 0x80},
          new int[] {0xF8, 0x88, 0x80, 0x80, 0x80},
          new int[] {0xE2, 0x82});

  private static final List<String> UAL_FIELDS =
      List.of(
          "Id",
          "OrganizationId",
          "UserId",
          "CreationTime",
          "Operation",
          "RecordType",
          "ClientIPAddress",
          "AppAccessContext",
          "OperationProperties",
          "OperationCount",
          "Folders",
          "SessionId",
          "ClientAppId",
          "MailboxOwnerUPN");

  private static final List<String> SIGN_IN_FIELDS =
      List.of(
          "id",
          "userPrincipalName",
          "createdDateTime",
          "ipAddress",
          "uniqueTokenIdentifier",
          "status",
          "location",
          "isInteractive",
          "appId",
          "sessionId",
          "autonomousSystemNumber");

  private final HostileSettings settings;
  private final RecordLimits limits;
  private final SplittableRandom rng;
  private final BaseRecords base;
  private final ObjectMapper json = new ObjectMapper();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final Map<HostileClass, Long> numbers = new EnumMap<>(HostileClass.class);
  private final List<HostileMessage> recentValid = new ArrayList<>();
  private long latestValid;
  private long bigBlobAt;
  private long generated;
  private long messages;

  public HostileRecordGenerator(HostileSettings settings) {
    this.settings = settings;
    this.limits = settings.limits();
    this.rng = new SplittableRandom(settings.seed());
    this.base = new BaseRecords(settings.seed(), settings.start());
    long bigBlobRecords = limits.maxArrayElements() + 5L;
    this.bigBlobAt = settings.records() >= 4 * bigBlobRecords ? settings.records() / 2 : -1;
  }

  @Override
  public boolean hasNext() {
    return generated < settings.records();
  }

  @Override
  public HostileMessage next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    HostileMessage message;
    if (bigBlobAt >= 0 && generated >= bigBlobAt) {
      bigBlobAt = -1;
      message = blobBeyondTheRecordLimit();
    } else if (messages % HUGE_VALUE_EVERY == HUGE_VALUE_FIRST) {
      message = hugeValue();
    } else {
      message = make(drawClass());
    }
    messages++;
    generated += message.records();
    return message;
  }

  /** When the valid records generated so far end, at the latest: the replay must come after. */
  public Instant horizon() {
    return base.horizon();
  }

  private HostileClass drawClass() {
    int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
    int pick = rng.nextInt(total);
    for (Map.Entry<HostileClass, Integer> entry : WEIGHTS.entrySet()) {
      pick -= entry.getValue();
      if (pick < 0) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  private HostileMessage make(HostileClass hostileClass) {
    return switch (hostileClass) {
      case VALID -> valid();
      case DUPLICATE -> duplicate();
      case TRUNCATED_JSON -> truncated();
      case DEEP_NESTING -> deepNesting();
      case WRONG_TYPES -> wrongTypes();
      case INVALID_UTF8 -> invalidUtf8();
      case NUL_BYTES -> nulBytes();
      case YEAR_1970 -> year1970();
      case YEAR_2999 -> year2999();
      case IPV6_ODDITIES -> ipv6Oddities();
      case HUGE_ARRAY_BLOB -> blobWithAHugeArray();
      case RANDOM_BYTES -> randomBytes();
      case HUGE_VALUE -> hugeValue();
      case LONG_LINE, GZIP_BOMB ->
          throw new IllegalArgumentException(hostileClass + " is written to files, not sent");
    };
  }

  private Base next(HostileClass hostileClass) {
    long number = numbers.merge(hostileClass, 1L, Long::sum);
    return base.next().withId(HostileIds.of(hostileClass, number));
  }

  private HostileMessage message(HostileClass hostileClass, Base record, byte[] value) {
    return new HostileMessage(
        hostileClass,
        record.topic(),
        record.tenantId(),
        record.eventTime().toEpochMilli(),
        value,
        1,
        0);
  }

  private HostileMessage valid() {
    Base record = next(HostileClass.VALID);
    HostileMessage message = message(HostileClass.VALID, record, bytes(record.json()));
    if (recentValid.size() == RECENT_VALID) {
      recentValid.remove(0);
    }
    recentValid.add(message);
    latestValid = message.timestamp();
    return message;
  }

  private HostileMessage duplicate() {
    // Re-delivered within the hour, as the audit APIs do: far inside the dedupe window. (A quiet
    // night can put the last few hundred valid records a day and more apart.)
    long notBefore = latestValid - DUPLICATE_WITHIN.toMillis();
    List<HostileMessage> recent =
        recentValid.stream().filter(m -> m.timestamp() >= notBefore).toList();
    if (recent.isEmpty()) {
      return valid();
    }
    HostileMessage original = Draw.oneOf(rng, recent);
    return new HostileMessage(
        HostileClass.DUPLICATE,
        original.topic(),
        original.key(),
        original.timestamp(),
        original.value(),
        1,
        1);
  }

  private HostileMessage truncated() {
    Base record = next(HostileClass.TRUNCATED_JSON);
    byte[] whole = bytes(record.json());
    return message(
        HostileClass.TRUNCATED_JSON,
        record,
        Arrays.copyOf(whole, rng.nextInt(1, whole.length - 1)));
  }

  private HostileMessage deepNesting() {
    Base record = next(HostileClass.DEEP_NESTING);
    int depth = limits.maxNestingDepth() + 1 + rng.nextInt(50_000);
    String nested = "[".repeat(depth) + "1" + "]".repeat(depth);
    return message(HostileClass.DEEP_NESTING, record, withRawField(record, "Nested", nested));
  }

  private HostileMessage hugeValue() {
    Base record = next(HostileClass.HUGE_VALUE);
    int size = Math.min(HUGE_VALUE_BYTES, limits.maxMessageBytes() - 64 * 1024);
    String value = "A".repeat(Math.max(1, size));
    if (record.topic() == RawTopic.UAL) {
      record.json().put("ClientInfoString", value);
    } else {
      properties(record).put("userAgent", value);
    }
    return message(HostileClass.HUGE_VALUE, record, bytes(record.json()));
  }

  private HostileMessage wrongTypes() {
    Base record = next(HostileClass.WRONG_TYPES);
    boolean ual = record.topic() == RawTopic.UAL;
    String field = Draw.oneOf(rng, ual ? UAL_FIELDS : SIGN_IN_FIELDS);
    ObjectNode target = ual ? record.json() : properties(record);
    boolean isId = field.equals("Id") || field.equals("id");
    if (isId) {
      // An id that still reads as text would name no class; these can only be refused.
      target.set(
          field,
          Draw.oneOf(
              rng,
              List.<JsonNode>of(
                  nodes.objectNode(),
                  nodes.arrayNode().add("x"),
                  nodes.nullNode(),
                  nodes.textNode(" "))));
    } else {
      target.set(field, wrongValue());
    }
    return message(HostileClass.WRONG_TYPES, record, bytes(record.json()));
  }

  private JsonNode wrongValue() {
    return switch (rng.nextInt(9)) {
      case 0 -> nodes.numberNode(rng.nextInt());
      case 1 -> nodes.numberNode(1.5e300);
      case 2 -> nodes.booleanNode(rng.nextBoolean());
      case 3 -> nodes.nullNode();
      case 4 -> nodes.objectNode();
      case 5 -> nodes.arrayNode().add("a").add(2);
      case 6 -> nodes.objectNode().set("x", nodes.objectNode().set("y", nodes.arrayNode().add(1)));
      case 7 -> nodes.textNode("");
      default -> nodes.numberNode(new BigDecimal("9".repeat(2_000)));
    };
  }

  private HostileMessage invalidUtf8() {
    Base record = next(HostileClass.INVALID_UTF8);
    int[] sequence = Draw.oneOf(rng, INVALID_UTF8);
    return message(HostileClass.INVALID_UTF8, record, insertIntoString(record, sequence));
  }

  private HostileMessage nulBytes() {
    Base record = next(HostileClass.NUL_BYTES);
    byte[] value =
        switch (rng.nextInt(4)) {
          case 0 -> insertIntoString(record, new int[] {0x00});
          case 1 -> {
            byte[] whole = bytes(record.json());
            int comma = indexOf(whole, (byte) ',');
            yield splice(whole, comma + 1, new byte[] {0x00});
          }
          case 2 -> {
            ObjectNode target = record.topic() == RawTopic.UAL ? record.json() : properties(record);
            String user = record.topic() == RawTopic.UAL ? "UserId" : "userPrincipalName";
            target.put(user, target.path(user).asText() + "\u0000");
            yield bytes(record.json());
          }
          default -> new byte[16];
        };
    return message(HostileClass.NUL_BYTES, record, value);
  }

  private HostileMessage year1970() {
    Base record = next(HostileClass.YEAR_1970);
    Instant time = Instant.ofEpochSecond(rng.nextInt(3600));
    setEventTime(record, time);
    HostileMessage message = message(HostileClass.YEAR_1970, record, bytes(record.json()));
    return withTimestamp(message, time.toEpochMilli());
  }

  private HostileMessage year2999() {
    Base record = next(HostileClass.YEAR_2999);
    return switch (rng.nextInt(3)) {
      // Dated 2999 and stamped so by a producer allowed to.
      case 0 -> {
        setEventTime(record, YEAR_2999);
        yield withTimestamp(
            message(HostileClass.YEAR_2999, record, bytes(record.json())),
            YEAR_2999.toEpochMilli());
      }
      // Dated 2999, stamped with the producer's clock: in a live feed, the time of its records.
      case 1 -> {
        setEventTime(record, YEAR_2999);
        yield message(HostileClass.YEAR_2999, record, bytes(record.json()));
      }
      // A valid record a producer stamped 2999.
      default ->
          withTimestamp(
              message(HostileClass.YEAR_2999, record, bytes(record.json())),
              YEAR_2999.toEpochMilli());
    };
  }

  private HostileMessage ipv6Oddities() {
    Base record = next(HostileClass.IPV6_ODDITIES);
    String address = Draw.oneOf(rng, IPV6_ODDITIES);
    if (record.topic() == RawTopic.UAL) {
      record.json().put(rng.nextBoolean() ? "ClientIPAddress" : "ClientIP", address);
    } else {
      properties(record).put("ipAddress", address);
      record.json().put("callerIpAddress", address);
    }
    return message(HostileClass.IPV6_ODDITIES, record, bytes(record.json()));
  }

  /** A content blob of a few records of one tenant, one of them with an array beyond the limit. */
  private HostileMessage blobWithAHugeArray() {
    int size = 2 + rng.nextInt(4);
    int huge = rng.nextInt(size);
    List<byte[]> records = new ArrayList<>();
    Base first = null;
    while (records.size() < size) {
      Base record = nextUal(HostileClass.HUGE_ARRAY_BLOB);
      if (first == null) {
        first = record;
      }
      record.json().put("OrganizationId", first.tenantId());
      if (records.size() == huge) {
        record.json().remove("Folders");
        int length = limits.maxArrayElements() + 1 + rng.nextInt(20_000);
        records.add(withRawField(record, "Folders", "[" + "0,".repeat(length - 1) + "0]"));
      } else {
        records.add(bytes(record.json()));
      }
    }
    return blob(HostileClass.HUGE_ARRAY_BLOB, first, records);
  }

  /** A content blob with a few more (small) records than one message may hold. */
  private HostileMessage blobBeyondTheRecordLimit() {
    int size = limits.maxArrayElements() + 5;
    List<byte[]> records = new ArrayList<>(size);
    Base first = null;
    while (records.size() < size) {
      Base record = nextUal(HostileClass.HUGE_ARRAY_BLOB);
      if (first == null) {
        first = record;
      }
      ObjectNode small = nodes.objectNode();
      for (String field : List.of("Id", "UserId", "CreationTime", "Operation", "RecordType")) {
        small.set(field, record.json().get(field));
      }
      small.put("OrganizationId", first.tenantId());
      records.add(bytes(small));
    }
    return blob(HostileClass.HUGE_ARRAY_BLOB, first, records);
  }

  private Base nextUal(HostileClass hostileClass) {
    while (true) {
      Base record = next(hostileClass);
      if (record.topic() == RawTopic.UAL) {
        return record;
      }
    }
  }

  private HostileMessage blob(HostileClass hostileClass, Base first, List<byte[]> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('[');
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(records.get(i));
    }
    out.write(']');
    return new HostileMessage(
        hostileClass,
        RawTopic.UAL,
        first.tenantId(),
        first.eventTime().toEpochMilli(),
        out.toByteArray(),
        records.size(),
        0);
  }

  private HostileMessage randomBytes() {
    Base record = next(HostileClass.RANDOM_BYTES);
    byte[] value =
        switch (rng.nextInt(4)) {
          case 0 -> new byte[0];
          case 1 -> " \t\r\n ".getBytes(StandardCharsets.UTF_8);
          default -> {
            byte[] random = new byte[1 + rng.nextInt(1024)];
            for (int i = 0; i < random.length; i++) {
              random[i] = (byte) rng.nextInt(256);
            }
            // Never the start of an array, object or blank: one message, one record.
            random[0] = (byte) ('a' + rng.nextInt(26));
            yield random;
          }
        };
    return message(HostileClass.RANDOM_BYTES, record, value);
  }

  private static HostileMessage withTimestamp(HostileMessage message, long timestamp) {
    return new HostileMessage(
        message.hostileClass(),
        message.topic(),
        message.key(),
        timestamp,
        message.value(),
        message.records(),
        message.duplicates());
  }

  private void setEventTime(Base record, Instant time) {
    if (record.topic() == RawTopic.UAL) {
      record.json().put("CreationTime", time.toString().replace("Z", ""));
    } else {
      record.json().put("time", time.toString());
      properties(record).put("createdDateTime", time.toString());
    }
  }

  /** The record's bytes with {@code sequence} put at the start of one of its string values. */
  private byte[] insertIntoString(Base record, int[] sequence) {
    byte[] whole = bytes(record.json());
    List<String> fields =
        record.topic() == RawTopic.UAL
            ? List.of("UserId", "ClientInfoString", "Operation")
            : List.of("userPrincipalName", "userAgent", "appDisplayName");
    String field = Draw.oneOf(rng, fields);
    int at = indexOf(whole, ("\"" + field + "\":\"").getBytes(StandardCharsets.UTF_8));
    int position = at < 0 ? 2 : at + field.length() + 4;
    byte[] raw = new byte[sequence.length];
    for (int i = 0; i < sequence.length; i++) {
      raw[i] = (byte) sequence[i];
    }
    return splice(whole, position, raw);
  }

  /** The record's bytes with {@code "name":json} added as its last field, written as it is. */
  private byte[] withRawField(Base record, String name, String jsonText) {
    byte[] whole = bytes(record.json());
    ByteArrayOutputStream out = new ByteArrayOutputStream(whole.length + jsonText.length() + 16);
    out.write(whole, 0, whole.length - 1);
    out.writeBytes((",\"" + name + "\":" + jsonText + "}").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static ObjectNode properties(Base record) {
    return (ObjectNode) record.json().get("properties");
  }

  private byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] splice(byte[] whole, int at, byte[] inserted) {
    byte[] out = new byte[whole.length + inserted.length];
    System.arraycopy(whole, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(whole, at, out, at + inserted.length, whole.length - at);
    return out;
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] bytes, byte[] wanted) {
    outer:
    for (int i = 0; i + wanted.length <= bytes.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static Map<HostileClass, Integer> weights() {
    Map<HostileClass, Integer> weights = new EnumMap<>(HostileClass.class);
    weights.put(HostileClass.VALID, 28);
    weights.put(HostileClass.DUPLICATE, 6);
    weights.put(HostileClass.TRUNCATED_JSON, 8);
    weights.put(HostileClass.DEEP_NESTING, 5);
    weights.put(HostileClass.WRONG_TYPES, 14);
    weights.put(HostileClass.INVALID_UTF8, 7);
    weights.put(HostileClass.NUL_BYTES, 7);
    weights.put(HostileClass.YEAR_1970, 5);
    weights.put(HostileClass.YEAR_2999, 6);
    weights.put(HostileClass.IPV6_ODDITIES, 9);
    weights.put(HostileClass.HUGE_ARRAY_BLOB, 2);
    weights.put(HostileClass.RANDOM_BYTES, 3);
    return weights;
  }
}
