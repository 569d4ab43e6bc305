package io.stormwatch.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import io.stormwatch.detector.catalogue.RulesDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

  @TempDir Path dir;

  @Test
  void printsEverySettingWithItsDefaultAndDocumentation() {
    CommandRun run = CommandRun.of(new ConfigCommand(), "--print-defaults");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("rule.token-replay.window: \"2h\"")
        .contains("# How long a token's uses are remembered")
        .contains("topic.retention: \"180d\"");
  }

  @Test
  void printsTheReadmesRuleDocumentationAsTheCatalogueGeneratesIt() {
    CommandRun run = CommandRun.of(new ConfigCommand(), "--print-rules-markdown");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(RulesDocument.markdown())
        .contains("| `token-replay` | T1550.001, T1528 |")
        .contains("| `rule.mail-burst.floor.items` | `500` |");
  }

  @Test
  void printsTheEffectiveSettingsOfAValidFile() throws IOException {
    Path file =
        Files.writeString(dir.resolve("ok.yaml"), "rule:\n  mail-burst:\n    floor.items: 750\n");

    CommandRun run =
        CommandRun.of(new ConfigCommand(), "--check", file.toString(), "--set", "events.grace=3h");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("rule.mail-burst.floor.items: \"750\"")
        .contains("events.grace: \"3h\"");
  }

  @Test
  void exitsTwoNamingTheKeyOfABadValue() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "rule.orphan-token.grace: soon\n");

    CommandRun run = CommandRun.of(new ConfigCommand(), "--check", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("rule.orphan-token.grace").contains("not a duration");
  }

  @Test
  void printsSecretsFromTheFileAndTheCommandLineHidden() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("secure.yaml"),
            "kafka:\n"
                + "  security.protocol: SASL_SSL\n"
                + "  ssl.truststore.location: /etc/stormwatch/truststore.p12\n"
                + "  ssl.truststore.password: Tru5t-file-81\n");

    CommandRun run =
        CommandRun.of(
            new ConfigCommand(),
            "--check",
            file.toString(),
            "--set",
            "kafka.sasl.jaas.config=ScramLoginModule required username=\"sw\" password=\"Cli-pw-93\";");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("kafka.security.protocol: \"SASL_SSL\"")
        .contains("kafka.ssl.truststore.location: \"/etc/stormwatch/truststore.p12\"")
        .contains("kafka.ssl.truststore.password: \"[hidden]\"")
        .contains("kafka.sasl.jaas.config: \"[hidden]\"");
    assertThat(run.toString()).doesNotContain("Tru5t-file-81").doesNotContain("Cli-pw-93");
  }

  @Test
  void namesABadSecretKeyWithoutItsValue() throws IOException {
    Path file = Files.writeString(dir.resolve("typo.yaml"), "sasl.jaas.config: Typo-pw-57\n");

    CommandRun run = CommandRun.of(new ConfigCommand(), "--check", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("sasl.jaas.config").contains("unknown setting");
    assertThat(run.toString()).doesNotContain("Typo-pw-57");
  }

  @Test
  void saysWhereAFileIsBrokenWithoutQuotingItsSecret() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("broken.yaml"), "kafka.ssl.truststore.password: Bro: ken-pw-12\n");

    CommandRun run = CommandRun.of(new ConfigCommand(), "--check", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not valid YAML at line 1");
    assertThat(run.toString()).doesNotContain("ken-pw-12");
  }
}
