package io.stormwatch.detector.activity;

import io.stormwatch.detector.state.StateFixture;
import io.stormwatch.detector.testing.TestAlerts;
import io.stormwatch.schemas.avro.Alert;
import java.time.Instant;

/** An account active on two Monday mornings, with an incident at night in between. */
public final class AccountActivityFixture {

  private AccountActivityFixture() {}

  public static StateFixture<AccountActivity> fixture() {
    return new StateFixture<>(
        "account-activity", AccountActivity.CODEC, AccountActivityFixture::value);
  }

  static AccountActivity value() {
    AccountActivity activity = new AccountActivity();
    Instant monday = Instant.parse("2026-03-02T09:15:00Z");
    activity.record(monday.toEpochMilli());
    activity.record(monday.plusSeconds(3600).toEpochMilli());
    Instant night = Instant.parse("2026-03-04T02:10:00Z");
    activity.record(night.toEpochMilli());
    activity.recordAlert("5e1d8f0c2a9b4c7d8e6f1a2b3c4d5e6f", alert(night, night.plusSeconds(5400)));
    activity.record(monday.plusSeconds(7 * 86_400).toEpochMilli());
    return activity;
  }

  private static Alert alert(Instant first, Instant last) {
    return TestAlerts.alert("orphan-token", "0a1b2c3d4e5f60718293a4b5c6d7e8f9", first, last);
  }
}
