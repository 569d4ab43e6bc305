package io.stormwatch.detector.rules;

import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.util.List;

/**
 * A detection over one account's events, in event time. Plain Java: the Kafka Streams plumbing (the
 * topology's account-detections processor) loads and stores the state.
 *
 * <p>Rules must produce the same alerts for the same sequence of an account's events, whatever the
 * wall clock: alert ids and contents are a function of the input alone.
 *
 * @param <S> the rule's per-account state; mutable, bounded in size
 */
public interface AccountRule<S> {

  RuleDescriptor descriptor();

  S newState();

  /** Folds {@code event} into {@code state} and returns the alerts (new or revised) it causes. */
  List<Alert> evaluate(S state, AuditEvent event);

  /** Whether {@code state} holds nothing worth keeping, so its store entry can be deleted. */
  boolean isEmpty(S state);

  StateCodec<S> codec();
}
