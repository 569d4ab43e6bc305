package io.stormwatch.detector.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.testing.StoreContents;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.detector.testing.UpgradeScenario;
import io.stormwatch.schemas.avro.Alert;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * An upgrade keeps the detections' state: this release, started on the stores an earlier release
 * wrote, raises the alerts of a run that was never stopped. The stores of Stormwatch 83df6af (as
 * its topology left them halfway through {@link UpgradeScenario}) are checked in; they hold an open
 * coverage gap in the version-1 tenant entry, an eight-byte next check, pending token checks, an
 * orphan-token incident, a replayed token and a mail burst in progress.
 */
class StateUpgradeTopologyTest {

  private static final String STORES_83DF6AF = "state/stores-83df6af.txt";

  private static final List<UpgradeScenario.RawRecord> RECORDS = UpgradeScenario.records();

  @Test
  void continuesFromTheStoresOfTheEarlierReleaseAsIfNeverStopped() {
    List<Alert> restored = afterTheSplit(StoreContents.read(STORES_83DF6AF));

    assertThat(withoutAccountActivity(restored))
        .isEqualTo(withoutAccountActivity(afterTheSplitOfAnUninterruptedRun()));
    assertThat(restored)
        .extracting(Alert::getRuleId)
        .contains("token-replay", "orphan-token", "signin-coverage-gap", "mail-burst");
  }

  /**
   * 215c2dc, the release before 83df6af, keyed a pending check by due time, tenant and event id,
   * without the use's time; a use it left pending is judged all the same.
   */
  @Test
  void takesTheChecksAReleaseBeforeLeftPendingUnderItsOwnKeys() {
    List<StoreContents.Entry> stores = StoreContents.read(STORES_83DF6AF);
    List<StoreContents.Entry> keyedAs215c2dc =
        stores.stream().map(pendingKeys(StateUpgradeTopologyTest::withoutUseTime)).toList();
    assertThat(keyedAs215c2dc).isNotEqualTo(stores);

    assertThat(withoutAccountActivity(afterTheSplit(keyedAs215c2dc)))
        .isEqualTo(withoutAccountActivity(afterTheSplitOfAnUninterruptedRun()));
  }

  /**
   * The alerts without the accounts' own activity, which the earlier releases did not keep: after
   * the upgrade it starts with each account's next record (the incidents' hours come from alerts
   * and are compared).
   */
  private static List<Alert> withoutAccountActivity(List<Alert> alerts) {
    return alerts.stream()
        .map(
            alert -> {
              Alert copy = Alert.newBuilder(alert).build();
              copy.getEvidence().setAccountActivity(List.of());
              return copy;
            })
        .toList();
  }

  /** The checked-in stores do decide what follows: without them the alerts differ. */
  @Test
  void theAlertsAfterTheSplitDependOnTheStateBeforeIt() {
    assertThat(withoutAccountActivity(afterTheSplit(List.of())))
        .isNotEqualTo(withoutAccountActivity(afterTheSplitOfAnUninterruptedRun()));
  }

  /** The checked-in stores are in the earlier layouts this test is about. */
  @Test
  void theStoresHoldTheEarlierLayouts() {
    List<StoreContents.Entry> stores = StoreContents.read(STORES_83DF6AF);

    assertThat(value(stores, "check|next")).hasSize(Long.BYTES);
    assertThat(value(stores, "feed|" + UpgradeScenario.SILENT_TENANT)[0]).isEqualTo((byte) 1);
    assertThat(stores)
        .extracting(StoreContents.Entry::store)
        .contains(
            StormwatchTopology.ACCOUNT_STATE_STORE,
            StormwatchTopology.TENANT_CONTEXT_STORE,
            StormwatchTopology.PENDING_USES_STORE,
            StormwatchTopology.ISSUANCE_STORE,
            StormwatchTopology.DEDUPE_STORE);
  }

  private static List<Alert> afterTheSplitOfAnUninterruptedRun() {
    try (TopologyFixture fixture = new TopologyFixture()) {
      RECORDS.stream().filter(r -> r.time().isBefore(UpgradeScenario.SPLIT)).forEach(fixture::pipe);
      fixture.alerts();
      RECORDS.stream()
          .filter(r -> !r.time().isBefore(UpgradeScenario.SPLIT))
          .forEach(fixture::pipe);
      return fixture.alerts();
    }
  }

  private static List<Alert> afterTheSplit(List<StoreContents.Entry> stores) {
    try (TopologyFixture fixture = new TopologyFixture()) {
      fixture.restore(stores);
      RECORDS.stream()
          .filter(r -> !r.time().isBefore(UpgradeScenario.SPLIT))
          .forEach(fixture::pipe);
      return fixture.alerts();
    }
  }

  private static UnaryOperator<StoreContents.Entry> pendingKeys(UnaryOperator<String> rekey) {
    return e ->
        e.store().equals(StormwatchTopology.PENDING_USES_STORE)
            ? new StoreContents.Entry(e.store(), rekey.apply(e.key()), null, e.value())
            : e;
  }

  /** {@code due|tenant|useTime|eventId} as 215c2dc wrote it: {@code due|tenant|eventId}. */
  private static String withoutUseTime(String key) {
    String[] parts = key.split("\\|", 4);
    return parts[0] + "|" + parts[1] + "|" + parts[3];
  }

  private static byte[] value(List<StoreContents.Entry> stores, String key) {
    return stores.stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow().value();
  }
}
