package io.stormwatch.sim.msformat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import io.stormwatch.formats.ParseResult;
import io.stormwatch.formats.UnifiedAuditLogParser;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.event.MailboxPermissionGrant;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.PopulationMix;
import io.stormwatch.sim.world.User;
import io.stormwatch.sim.world.WorldBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Add-MailboxPermission records the simulator writes are read as the delegations they are. */
class MailboxPermissionWriterTest {

  private final List<User> users =
      new WorldBuilder(NetworkCatalogue.standard())
          .build(42, 1, 2, new PopulationMix(0, 0, 0, 0))
          .users()
          .limit(2)
          .toList();

  private final MailboxPermissionWriter writer = new MailboxPermissionWriter(new JsonFactory());
  private final UnifiedAuditLogParser parser = new UnifiedAuditLogParser();

  @Test
  void fullAccessIsReadAsAGrantToTheDelegateOnTheMailbox() {
    User admin = users.get(0);
    User owner = users.get(1);

    AuditEvent event =
        parse(
            new MailboxPermissionGrant(
                Instant.parse("2026-03-10T10:02:41Z"),
                new Id128(0x1234_5678_9abc_def0L, 0x8fed_cba9_8765_4321L),
                admin.tenant(),
                admin,
                MailboxIdentity.of(owner),
                admin,
                "FullAccess",
                "203.0.113.77",
                new Id128(0x0a0b_0c0d_0e0f_1011L, 0x9213_1415_1617_1819L)));

    assertThat(event.getKind()).isEqualTo(EventKind.MAILBOX_PERMISSION_GRANT);
    assertThat(event.getAccountId()).isEqualTo(admin.upn().toLowerCase(Locale.ROOT));
    assertThat(event.getGrantee()).isEqualTo(admin.upn().toLowerCase(Locale.ROOT));
    assertThat(event.getGrantTarget()).isEqualTo(owner.upn().toLowerCase(Locale.ROOT));
    assertThat(event.getGrantPermissions()).containsExactly("FullAccess");
    assertThat(event.getClientIp()).isEqualTo("203.0.113.77");
  }

  private AuditEvent parse(MailboxPermissionGrant grant) {
    List<ParseResult> results = parser.parse(writer.write(grant));
    assertThat(results).hasSize(1);
    assertThat(results.get(0)).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) results.get(0)).event();
  }
}
