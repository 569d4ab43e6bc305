package io.stormwatch.detector.topology;

import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs one {@link AccountRule} inside Kafka Streams: loads the account's state from its store, lets
 * the rule fold the event in, stores the state and forwards the alerts keyed by alert id.
 */
final class AccountRuleProcessor<S> implements Processor<String, AuditEvent, String, Alert> {

  private final AccountRule<S> rule;
  private final StateCodec<S> codec;
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, byte[]> store;

  AccountRuleProcessor(AccountRule<S> rule, String storeName) {
    this.rule = rule;
    this.codec = rule.codec();
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, AuditEvent> record) {
    byte[] stored = store.get(record.key());
    S state = stored == null ? rule.newState() : codec.decode(stored);
    List<Alert> alerts = rule.evaluate(state, record.value());
    if (rule.isEmpty(state)) {
      store.delete(record.key());
    } else {
      store.put(record.key(), codec.encode(state));
    }
    for (Alert alert : alerts) {
      context.forward(new Record<>(alert.getAlertId(), alert, record.timestamp()));
    }
  }
}
