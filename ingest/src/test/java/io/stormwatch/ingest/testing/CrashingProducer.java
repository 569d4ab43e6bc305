package io.stormwatch.ingest.testing;

import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real transactional producer whose process "dies" at a given send: that send throws {@link
 * SimulatedCrash} (an {@link Error}, so no handler aborts the transaction), and the transaction is
 * left open on the broker, as after {@code kill -9}, until a successor with the same transactional
 * id fences it.
 */
public final class CrashingProducer extends KafkaProducer<String, byte[]> {

  private final int crashAtSend;
  private final AtomicInteger sends = new AtomicInteger();

  /** Thrown where the process would have died. */
  public static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(int send) {
      super("simulated crash at send " + send);
    }
  }

  /**
   * @param crashAtSend the 1-based send that crashes
   */
  public CrashingProducer(Map<String, Object> config, int crashAtSend) {
    super(config, new StringSerializer(), new ByteArraySerializer());
    this.crashAtSend = crashAtSend;
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
    int send = sends.incrementAndGet();
    if (send >= crashAtSend) {
      throw new SimulatedCrash(send);
    }
    return super.send(record, callback);
  }

  @Override
  public void commitTransaction() {
    if (sends.get() >= crashAtSend) {
      throw new SimulatedCrash(sends.get());
    }
    super.commitTransaction();
  }
}
