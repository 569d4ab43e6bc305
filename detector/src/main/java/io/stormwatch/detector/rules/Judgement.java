package io.stormwatch.detector.rules;

import io.stormwatch.schemas.avro.Alert;
import java.util.Optional;

/** What a {@link TenantRule} makes of a token use whose check has come due. */
public sealed interface Judgement {

  /** The rule has judged the use, and raised or revised an alert or not; no later rule sees it. */
  record Settled(Optional<Alert> alert) implements Judgement {}

  /** The use is not the rule's to judge: the next rule in catalogue order judges it. */
  record Passed() implements Judgement {}

  /** Too early to judge: the use comes due again at {@code dueTime}, stream time. */
  record Deferred(long dueTime) implements Judgement {}

  static Judgement settled(Optional<Alert> alert) {
    return new Settled(alert);
  }

  static Judgement passed() {
    return new Passed();
  }

  static Judgement deferredUntil(long dueTime) {
    return new Deferred(dueTime);
  }
}
