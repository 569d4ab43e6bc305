package io.stormwatch.microbench;

import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.serde.AvroSerdes;
import io.stormwatch.schemas.serde.BundledSchemaResolver;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Avro: a normalised event to the Confluent wire format and back, as the normaliser writes it to
 * {@code audit.events} and the detections read it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class AvroBenchmark {

  private static final String TOPIC = "audit.events";

  private SampleData data;
  private Serializer<AuditEvent> serializer;
  private Deserializer<AuditEvent> deserializer;
  private byte[][] encoded;
  private int nextEvent;
  private int nextBytes;

  @Setup
  public void generate() {
    data = new SampleData();
    Serde<AuditEvent> serde = AvroSerdes.of(AuditEvent.class, new BundledSchemaResolver());
    serializer = serde.serializer();
    deserializer = serde.deserializer();
    encoded = new byte[data.events.length][];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = serializer.serialize(TOPIC, data.events[i]);
    }
  }

  @Benchmark
  public byte[] encodeAuditEvent() {
    AuditEvent event = data.events[nextEvent];
    nextEvent = (nextEvent + 1) % data.events.length;
    return serializer.serialize(TOPIC, event);
  }

  @Benchmark
  public AuditEvent decodeAuditEvent() {
    byte[] bytes = encoded[nextBytes];
    nextBytes = (nextBytes + 1) % encoded.length;
    return deserializer.deserialize(TOPIC, bytes);
  }
}
