package io.stormwatch.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import org.junit.jupiter.api.Test;

class IngestCommandTest {

  private static final String SECRET = "do-not-print-me";

  @Test
  void printsEverySettingWithItsDocumentation() {
    CommandRun run = CommandRun.of(new IngestCommand(), "--print-defaults");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("ingest.o365.tenants: \"\"")
        .contains("ingest.o365.content.types: \"Audit.Exchange,Audit.AzureActiveDirectory\"")
        .contains("ingest.eventhub.connection.string: \"\"")
        .contains("ActivityFeed.Read");
  }

  @Test
  void aMissingOrBadSettingIsAUsageErrorNamingTheKey() {
    CommandRun noTenant = CommandRun.of(new IngestCommand(), "o365", "--no-create-topics");
    CommandRun twoCredentials =
        CommandRun.of(
            new IngestCommand(),
            "o365",
            "--set",
            "ingest.o365.tenants=41463f53-8812-40f4-890f-865bf6e35190",
            "--set",
            "ingest.o365.client.id=6731de76-14a6-49ae-97bc-6eba6914391e",
            "--set",
            "ingest.o365.client.secret=" + SECRET,
            "--set",
            "ingest.o365.client.certificate=/etc/stormwatch/app.pfx");
    CommandRun noHub =
        CommandRun.of(new IngestCommand(), "eventhub", "--set", "ingest.eventhub.start=newest");

    assertThat(noTenant.exitCode()).isEqualTo(2);
    assertThat(noTenant.err()).contains("ingest.o365.tenants");
    assertThat(twoCredentials.exitCode()).isEqualTo(2);
    assertThat(twoCredentials.err()).contains("exactly one of").doesNotContain(SECRET);
    assertThat(noHub.exitCode()).isEqualTo(2);
    assertThat(noHub.err()).contains("ingest.eventhub.start");
  }
}
