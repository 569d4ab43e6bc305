package io.stormwatch.cli.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import io.stormwatch.cli.backtest.AlertJsonLines;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@code stormwatch heatmap} on a backtest's alerts file: Alice works Monday to Friday 09:00-16:59
 * UTC; her incident (a forged token, then an inbox rule) happened Tuesday 02:00-03:59, plus one
 * hour inside her working day.
 */
class HeatmapCommandTest {

  private static final String INCIDENT = "5e1d8f0c2a9b4c7d8e6f1a2b3c4d5e6f";
  private static final int TUESDAY = 24;

  @TempDir Path dir;

  @Test
  void listsTheIncidentsWithTheirHoursOutsideTheAccountsOwn() throws IOException {
    Path alerts = alertsFile();

    CommandRun run = CommandRun.of(new HeatmapCommand(), "--alerts", alerts.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("1 incident(s) on " + alerts)
        .contains(INCIDENT + "  2026-03-03 02:10 UTC  alice@contoso.com")
        .contains(" 2/3  h outside its hours  mail-forwarding, orphan-token")
        .contains("Draw one with --incident ID");
  }

  @Test
  void drawsTheIncidentBesideTheAccountsOwnHours() throws Exception {
    Path svg = dir.resolve("alice.svg");

    CommandRun run =
        CommandRun.of(
            new HeatmapCommand(),
            "--alerts",
            alertsFile().toString(),
            "--incident",
            INCIDENT.substring(0, 6),
            "--out",
            svg.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "alice@contoso.com, incident "
                + INCIDENT
                + ": mail-forwarding, orphan-token; 2 alerts, 2026-03-03 02:10 to 2026-03-03 10:05"
                + " UTC");
    // the incident's grid: Tuesday 02 and 03 outside her hours, 10 within them
    String tuesday = lines.stream().filter(l -> l.startsWith("Tue ")).toList().get(1);
    assertThat(tuesday.substring(4).split(" ", -1)).containsSubsequence("##", "##").contains("++");
    assertThat(tuesday.substring(4 + 3 * 2, 4 + 3 * 4)).isEqualTo(" ## ##");
    assertThat(run.out())
        .contains("Outside the account's own hours: 2 of the incident's 3 clock hours.")
        .contains("Wrote " + svg);

    Document picture =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    NodeList cells = picture.getElementsByTagName("rect");
    assertThat(cells.getLength()).as("background and 2 x 168 cells").isEqualTo(1 + 2 * 168);
    assertThat(picture.getDocumentElement().getTextContent())
        .contains("Tue 02:00 UTC: incident in 1 clock hour, outside the account's own hours")
        .contains("Tue 10:00 UTC: incident in 1 clock hour")
        .contains("Mon 09:00 UTC: active in 3 clock hours");
  }

  @Test
  void anIncidentNotInTheFileIsAnError() throws IOException {
    CommandRun run =
        CommandRun.of(
            new HeatmapCommand(), "--alerts", alertsFile().toString(), "--incident", "ffff");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("No incident ffff on");
  }

  @Test
  void aFileWithoutIncidentsSaysSo() throws IOException {
    Alert gap =
        alert("signin-coverage-gap", "g1", at("2026-03-03T02:10:00Z"), at("2026-03-03T02:10:00Z"));
    gap.setIncidentId(null);
    Path alerts = write(List.of(gap));

    CommandRun run = CommandRun.of(new HeatmapCommand(), "--alerts", alerts.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("None of the 1 alert revision(s) on " + alerts);
  }

  /** Alice's incident as a backtest writes it: two alerts, the later one with more hours. */
  private Path alertsFile() throws IOException {
    List<Integer> account = cells();
    for (int weekday = 0; weekday < 5; weekday++) {
      for (int hour = 9; hour < 17; hour++) {
        account.set(weekday * 24 + hour, 3);
      }
    }
    // the forged token's uses are Alice's records too
    account.set(TUESDAY + 2, 1);
    account.set(TUESDAY + 3, 1);

    Alert orphan =
        alert("orphan-token", "a1", at("2026-03-03T02:10:00Z"), at("2026-03-03T03:40:00Z"));
    List<Integer> orphanHours = cells();
    orphanHours.set(TUESDAY + 2, 1);
    orphanHours.set(TUESDAY + 3, 1);
    orphan.getEvidence().setAccountActivity(account);
    orphan.getEvidence().setIncidentActivity(orphanHours);

    Alert forwarding =
        alert("mail-forwarding", "a2", at("2026-03-03T10:05:00Z"), at("2026-03-03T10:05:00Z"));
    List<Integer> allHours = new ArrayList<>(orphanHours);
    allHours.set(TUESDAY + 10, 1);
    forwarding.getEvidence().setAccountActivity(account);
    forwarding.getEvidence().setIncidentActivity(allHours);
    return write(List.of(orphan, forwarding));
  }

  private Path write(List<Alert> alerts) throws IOException {
    Path file = dir.resolve("alerts.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      new AlertJsonLines().write(alerts, out);
    }
    return file;
  }

  private static List<Integer> cells() {
    return new ArrayList<>(Collections.nCopies(168, 0));
  }

  private static Instant at(String time) {
    return Instant.parse(time);
  }

  private static Alert alert(String ruleId, String alertId, Instant first, Instant last) {
    return Alert.newBuilder()
        .setAlertId(alertId)
        .setRevision(1)
        .setRuleId(ruleId)
        .setRuleVersion(1)
        .setSeverity(Severity.HIGH)
        .setConfidence(0.8)
        .setAttackTechniques(List.of())
        .setTenantId("7d0c5c1a-0000-4000-8000-00000000c0de")
        .setAccountId("alice@contoso.com")
        .setFirstEventTime(first)
        .setLastEventTime(last)
        .setSummary("")
        .setEvidence(Evidence.newBuilder().build())
        .setIncidentId(INCIDENT)
        .build();
  }
}
