package io.stormwatch.formats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.files.AuditFileReader;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Permission grants in the shared corpus of real records: Exchange's own folder permissions on
 * group calendars and a system grant of FullAccess on the discovery mailbox (from a Purview
 * export), read as grants; Azure AD application changes that grant nothing stay ordinary events.
 * Skipped without the corpus ({@code ../shared/corpus}, or {@code -Dstormwatch.corpus}).
 */
class PermissionGrantCorpusTest {

  private static Path corpus;

  private final UnifiedAuditLogParser ual = new UnifiedAuditLogParser();

  @BeforeAll
  static void findCorpus() {
    corpus = CorpusLocation.find().orElse(null);
    assumeTrue(corpus != null, "no shared corpus beside the repository; skipping");
  }

  @Test
  void readsExchangesFolderPermissionChangesAsGrantsToTheMember() throws IOException {
    List<AuditEvent> changes =
        lines("ual/test-exchange-item-events.jsonl").stream()
            .filter(e -> e.getOperation().equals("ModifyFolderPermissions"))
            .toList();

    assertThat(changes)
        .hasSize(6)
        .allSatisfy(
            e -> {
              assertThat(e.getKind()).isEqualTo(EventKind.MAILBOX_PERMISSION_GRANT);
              assertThat(e.getAccountId()).isEqualTo("s-1-5-18");
              assertThat(e.getGrantee()).endsWith("@local");
              assertThat(e.getGrantTarget()).isEqualTo(e.getMailboxOwner() + ":\\calendar");
              assertThat(e.getGrantPermissions()).contains("ReadAny");
            });
  }

  @Test
  void readsTheSystemsFullAccessGrantOnTheDiscoveryMailbox() throws IOException {
    Path csv = corpus.resolve("purview-csv/huntress2023-rogue-inbox-purview.csv");
    assumeTrue(Files.exists(csv), "no Purview export in the corpus");

    List<AuditEvent> grants = new ArrayList<>();
    List<AuditEvent> applicationChanges = new ArrayList<>();
    try (AuditFileReader reader = AuditFileReader.open(csv)) {
      while (reader.hasNext()) {
        for (ParseResult result : ual.parse(reader.next().json())) {
          if (result instanceof Parsed parsed) {
            AuditEvent event = parsed.event();
            if (event.getOperation().equals("Add-MailboxPermission")) {
              grants.add(event);
            } else if (event.getOperation().equals("Add service principal.")) {
              applicationChanges.add(event);
            }
          }
        }
      }
    }

    assertThat(grants)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getKind()).isEqualTo(EventKind.MAILBOX_PERMISSION_GRANT);
              assertThat(e.getAccountId()).startsWith("nt authority\\system");
              assertThat(e.getGrantee()).endsWith("/discovery management");
              assertThat(e.getGrantTarget()).contains("discoverysearchmailbox");
              assertThat(e.getGrantPermissions()).containsExactly("FullAccess");
            });
    assertThat(applicationChanges)
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.getKind()).isEqualTo(EventKind.OTHER));
  }

  @Test
  void anApplicationsUpdateGrantsNothing() throws IOException {
    assertThat(lines("ual/test-azuread-events.head.jsonl"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getOperation()).isEqualTo("Update application.");
              assertThat(e.getKind()).isEqualTo(EventKind.OTHER);
              assertThat(e.getGrantee()).isNull();
            });
  }

  private List<AuditEvent> lines(String file) throws IOException {
    Path path = corpus.resolve(file);
    assumeTrue(Files.exists(path), file + " is not in the corpus");
    List<AuditEvent> events = new ArrayList<>();
    for (String line : Files.readAllLines(path, UTF_8)) {
      if (!line.isBlank()) {
        events.add(Fixtures.parsedEvent(ual.parse(line.getBytes(UTF_8))));
      }
    }
    return events;
  }
}
