package io.stormwatch.sim.msformat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import io.stormwatch.formats.ParseResult;
import io.stormwatch.formats.UnifiedAuditLogParser;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.sim.event.AppConsent;
import io.stormwatch.sim.event.AppIdentity;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.PopulationMix;
import io.stormwatch.sim.world.User;
import io.stormwatch.sim.world.WorldBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The consent records the simulator writes are read as the grants they stand for. */
class ConsentWriterTest {

  private static final String APP_ID = "0b7d2e91-63c4-4f0a-8e55-1a9c3d7b2e40";

  private final User user =
      new WorldBuilder(NetworkCatalogue.standard())
          .build(42, 1, 1, new PopulationMix(0, 0, 0, 0))
          .users()
          .findFirst()
          .orElseThrow();

  private final ConsentWriter writer = new ConsentWriter(new JsonFactory());
  private final UnifiedAuditLogParser parser = new UnifiedAuditLogParser();

  @Test
  void aUsersConsentIsReadAsAGrantOfItsScopesToTheApp() {
    AuditEvent event = parse(consent("Mail.Read offline_access User.Read", false));

    assertThat(event.getKind()).isEqualTo(EventKind.APP_PERMISSION_GRANT);
    assertThat(event.getAccountId()).isEqualTo(user.upn().toLowerCase(Locale.ROOT));
    assertThat(event.getGrantee()).isEqualTo(APP_ID);
    assertThat(event.getGrantPermissions())
        .containsExactly("Mail.Read", "offline_access", "User.Read");
    assertThat(event.getGrantTenantWide()).isFalse();
    assertThat(event.getClientIp()).isEqualTo("203.0.113.77");
  }

  @Test
  void anAdminsConsentReachesEveryUser() {
    AuditEvent event = parse(consent("Mail.ReadWrite", true));

    assertThat(event.getGrantTenantWide()).isTrue();
    assertThat(event.getGrantPermissions()).containsExactly("Mail.ReadWrite");
  }

  private AppConsent consent(String scope, boolean admin) {
    return new AppConsent(
        Instant.parse("2026-03-10T09:14:07Z"),
        new Id128(0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L),
        user.tenant(),
        user,
        new AppIdentity(APP_ID, "Mail Summary Assistant"),
        new Id128(0x0a0b_0c0d_0e0f_1011L, 0x1213_1415_1617_1819L),
        scope,
        "203.0.113.77",
        admin);
  }

  private AuditEvent parse(AppConsent consent) {
    List<ParseResult> results = parser.parse(writer.write(consent));
    assertThat(results).hasSize(1);
    assertThat(results.get(0)).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) results.get(0)).event();
  }
}
