package io.stormwatch.detector.activity;

import io.stormwatch.detector.state.StateFixture;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Instant;
import java.util.List;

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
    return Alert.newBuilder()
        .setAlertId("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
        .setRevision(1)
        .setRuleId("orphan-token")
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
        .build();
  }
}
