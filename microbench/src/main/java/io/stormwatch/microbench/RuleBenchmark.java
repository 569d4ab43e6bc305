package io.stormwatch.microbench;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.detector.topology.StormwatchTopology;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule update: one event folded into its account's state by one detection, as the detector does for
 * every event and every rule. {@code update} is the whole step the state store sees (decode the
 * stored state, evaluate, encode); {@code evaluateOnly} keeps states as objects, so the difference
 * is the state codec.
 *
 * <p>The events are the sample's events in event time, replayed again and again; each replay is
 * moved a day later, so that every pass finds the previous pass's state expired, like a new day.
 * Events carry no tenant-stage annotations (the tenant stage runs before the rules in the
 * pipeline), so a rule that uses them takes its no-context path here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RuleBenchmark {

  /** Rule ids, as {@code RuleDescriptor.id()}; every rule the detector enables by default. */
  @Param({"token-replay", "mail-burst", "unusual-mail-client"})
  public String rule;

  private SampleData data;
  private AccountRule<Object> accountRule;
  private StateCodec<Object> codec;
  private long[] eventTimes;
  private long passShift;
  private int next;
  private final Map<String, byte[]> storedStates = new HashMap<>();
  private final Map<String, Object> liveStates = new HashMap<>();

  @Setup
  @SuppressWarnings("unchecked")
  public void generate() {
    data = new SampleData();
    accountRule =
        (AccountRule<Object>)
            StormwatchTopology.accountRules(StormwatchConfig.defaults()).stream()
                .filter(r -> r.descriptor().id().equals(rule))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no enabled rule " + rule));
    codec = accountRule.codec();
    eventTimes = new long[data.events.length];
    for (int i = 0; i < eventTimes.length; i++) {
      eventTimes[i] = data.events[i].getEventTime().toEpochMilli();
    }
  }

  @Benchmark
  public List<Alert> update() {
    int i = advance();
    AuditEvent event = data.events[i];
    String key = data.accountKeys[i];
    byte[] stored = storedStates.get(key);
    Object state = stored == null ? accountRule.newState() : codec.decode(stored);
    List<Alert> alerts = accountRule.evaluate(state, event);
    if (accountRule.isEmpty(state)) {
      storedStates.remove(key);
    } else {
      storedStates.put(key, codec.encode(state));
    }
    return alerts;
  }

  @Benchmark
  public List<Alert> evaluateOnly() {
    int i = advance();
    Object state = liveStates.computeIfAbsent(data.accountKeys[i], k -> accountRule.newState());
    return accountRule.evaluate(state, data.events[i]);
  }

  /**
   * Index of the next event, whose time is moved by a day per completed pass so that event time
   * keeps increasing.
   */
  private int advance() {
    int i = next;
    if (++next == data.events.length) {
      next = 0;
      passShift += SampleData.DURATION.plus(Duration.ofDays(1)).toMillis();
    }
    data.events[i].setEventTime(Instant.ofEpochMilli(eventTimes[i] + passShift));
    return i;
  }
}
