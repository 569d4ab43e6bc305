package io.stormwatch.sim.msformat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.PopulationMix;
import io.stormwatch.sim.world.User;
import io.stormwatch.sim.world.WorldBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailItemsAccessedWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final User owner =
      new WorldBuilder(NetworkCatalogue.standard())
          .build(42, 1, 1, new PopulationMix(0, 0, 0, 0))
          .users()
          .findFirst()
          .orElseThrow();

  private final MailItemsAccessedWriter writer = new MailItemsAccessedWriter(new JsonFactory());

  @Test
  void keysFollowMicrosoftsOrderWithTheTokenContextFirst() throws IOException {
    JsonNode record = write(bind(7, new Id128(1, 2)));

    List<String> keys = new ArrayList<>();
    record.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .startsWith(
            "AppAccessContext",
            "CreationTime",
            "Id",
            "Operation",
            "OrganizationId",
            "RecordType",
            "ResultStatus",
            "UserKey",
            "UserType",
            "Version",
            "Workload",
            "UserId")
        .endsWith("Folders", "OperationCount")
        .doesNotContain("ClientIP");
    List<String> contextKeys = new ArrayList<>();
    record.path("AppAccessContext").fieldNames().forEachRemaining(contextKeys::add);
    assertThat(contextKeys)
        .containsExactly("AADSessionId", "IssuedAtTime", "UniqueTokenId", "ClientAppId", "APIId");
  }

  @Test
  void aBindListsAtMostAFewItemsWhateverItsOperationCount() throws IOException {
    for (int count : new int[] {1, 2, 3, 10, 60}) {
      JsonNode record = write(bind(count, new Id128(1, 2)));
      int listed = 0;
      for (JsonNode folder : record.path("Folders")) {
        listed += folder.path("FolderItems").size();
        assertThat(folder.path("Path").asText()).startsWith("\\");
        for (JsonNode item : folder.path("FolderItems")) {
          assertThat(item.path("InternetMessageId").asText())
              .startsWith("<")
              .endsWith(".prod.outlook.com>");
          assertThat(item.path("SizeInBytes").asLong()).isBetween(4_096L, 2_097_152L);
        }
      }
      assertThat(listed).isEqualTo(Math.min(count, MailItemsAccessedWriter.MAX_LISTED_ITEMS));
      assertThat(record.path("OperationCount").asInt()).isEqualTo(count);
    }
  }

  @Test
  void recordsStayAroundOneToTwoKilobytes() {
    for (int count = 1; count <= 60; count++) {
      assertThat(writer.write(bind(count, new Id128(count, 2))).length).isBetween(1_000, 2_100);
    }
  }

  @Test
  void operationPropertiesCarryTheAccessTypeAndThrottlingByName() throws IOException {
    JsonNode record = write(bind(3, new Id128(1, 2)));

    assertThat(record.path("OperationProperties").toString())
        .isEqualTo(
            "[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"},{\"Name\":\"IsThrottled\",\"Value\":\"False\"}]");
  }

  @Test
  void aTokenWithoutSessionLeavesBothSessionFieldsOut() throws IOException {
    JsonNode record = write(bind(3, null));

    assertThat(record.path("AppAccessContext").has("AADSessionId")).isFalse();
    assertThat(record.has("SessionId")).isFalse();
  }

  @Test
  void aSyncListsFoldersWithoutItems() throws IOException {
    MailboxAccess sync =
        MailboxAccess.byOwner(
            Instant.parse("2026-03-10T09:00:05Z"),
            new Id128(7, 8),
            owner,
            MailAccessType.SYNC,
            4,
            "d3590ed6-52b3-4102-aeff-aad2292ab01c",
            "Client=MSExchangeRPC",
            "98.192.0.10",
            new Id128(3, 4),
            new Id128(5, 6),
            Instant.parse("2026-03-10T09:00:00Z"),
            99L);

    JsonNode record = write(sync);

    assertThat(record.path("Folders")).hasSize(4);
    assertThat(record.path("Folders")).allSatisfy(f -> assertThat(f.has("FolderItems")).isFalse());
  }

  @Test
  void theSameMailboxFolderAlwaysHasTheSameId() throws IOException {
    JsonNode first = write(bind(1, new Id128(1, 2)));
    JsonNode second = write(bind(1, new Id128(1, 2)));

    assertThat(first.path("Folders").get(0).path("Id"))
        .isEqualTo(second.path("Folders").get(0).path("Id"));
  }

  @Test
  void aFolderHasOneIdWhetherTheOwnersReadingLandsInItOrARecordNamesIt() throws IOException {
    // Binds of one item list one folder; among a few content seeds one lands in the Inbox.
    JsonNode everyday = null;
    for (long seed = 0; everyday == null; seed++) {
      JsonNode candidate = write(bind(1, new Id128(1, 2), seed));
      if (candidate.path("Folders").get(0).path("Path").asText().equals("\\Inbox")) {
        everyday = candidate;
      }
    }
    MailboxAccess named =
        MailboxAccess.at(Instant.parse("2026-03-10T09:20:00Z"), new Id128(3, 3), owner.tenant())
            .by(Accessor.of(owner))
            .of(MailboxIdentity.of(owner))
            .bind(1, List.of("\\Inbox"))
            .client("d3590ed6-52b3-4102-aeff-aad2292ab01c", "Client=MSExchangeRPC")
            .from("98.192.0.10")
            .token(null, new Id128(5, 6), Instant.parse("2026-03-10T09:00:00Z"))
            .build();

    assertThat(write(named).path("Folders").get(0).path("Id"))
        .isEqualTo(everyday.path("Folders").get(0).path("Id"));
  }

  @Test
  void aDelegatesReadNamesTheDelegateAndTheSharedMailbox() throws IOException {
    MailboxIdentity shared =
        new MailboxIdentity("finance@contoso.com", "S-1-5-21-9", "guid-9", "SRV9", "NAMP", 9);
    MailboxAccess read =
        MailboxAccess.at(Instant.parse("2026-03-10T09:20:00Z"), new Id128(3, 3), owner.tenant())
            .by(Accessor.of(owner))
            .of(shared)
            .logonType(MailboxAccess.DELEGATE)
            .bind(3, List.of("\\Inbox"))
            .client("d3590ed6-52b3-4102-aeff-aad2292ab01c", "Client=MSExchangeRPC")
            .from("98.192.0.10")
            .token(new Id128(1, 2), new Id128(5, 6), Instant.parse("2026-03-10T09:00:00Z"))
            .throttled(true)
            .build();

    JsonNode record = write(read);

    assertThat(record.path("UserId").asText()).isEqualTo(owner.upn());
    assertThat(record.path("MailboxOwnerUPN").asText()).isEqualTo("finance@contoso.com");
    assertThat(record.path("LogonType").asInt()).isEqualTo(2);
    assertThat(record.path("OperationProperties").get(1).path("Value").asText()).isEqualTo("True");
  }

  private JsonNode write(MailboxAccess event) throws IOException {
    return JSON.readTree(writer.write(event));
  }

  private MailboxAccess bind(int count, Id128 session) {
    return bind(count, session, 1234L);
  }

  private MailboxAccess bind(int count, Id128 session, long contentSeed) {
    return MailboxAccess.byOwner(
        Instant.parse("2026-03-10T09:15:42Z"),
        new Id128(count, 99),
        owner,
        MailAccessType.BIND,
        count,
        "d3590ed6-52b3-4102-aeff-aad2292ab01c",
        "Client=MSExchangeRPC",
        "98.192.0.10",
        session,
        new Id128(5, 6),
        Instant.parse("2026-03-10T09:00:00Z"),
        contentSeed);
  }
}
