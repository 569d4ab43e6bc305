package io.stormwatch.detector.incident;

import io.stormwatch.detector.state.StateFixture;
import io.stormwatch.detector.testing.TestAlerts;
import io.stormwatch.schemas.avro.Alert;
import java.time.Instant;

/** An account's incident holding a token-replay alert and an inbox-rule alert after it. */
public final class AccountIncidentFixture {

  private AccountIncidentFixture() {}

  public static StateFixture<AccountIncident> fixture() {
    return new StateFixture<>(
        "account-incident", AccountIncident.CODEC, AccountIncidentFixture::value);
  }

  static AccountIncident value() {
    AccountIncident incident = new AccountIncident();
    Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
    incident.place(
        alert("token-replay", "5e1d8f0c2a9b4c7d8e6f1a2b3c4d5e6f", t0), 259_200_000L, true);
    incident.place(
        alert("mail-forwarding", "0a1b2c3d4e5f60718293a4b5c6d7e8f9", t0.plusSeconds(1200)),
        259_200_000L,
        false);
    return incident;
  }

  private static Alert alert(String ruleId, String alertId, Instant at) {
    return TestAlerts.alert(ruleId, alertId, at, at);
  }
}
