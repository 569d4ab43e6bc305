package io.stormwatch.bench.latency;

import io.stormwatch.bench.ProgressListener.Progress;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxCommand;
import io.stormwatch.sim.event.OwaSignOn;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.msformat.RecordFormatter;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.traffic.publish.RawTopicNames;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Offers simulated records to the raw topics at a fixed rate and remembers when the broker appended
 * each one.
 *
 * <p>A generator thread writes the records' JSON ahead into a bounded queue, so that the
 * simulator's slice-by-slice bursts do not disturb the pace; the queue is filled before the clock
 * starts. The sender sends every record that is due by the schedule {@code start + i / rate}, then
 * sleeps about a millisecond: the load is smooth at millisecond scale. If it falls behind (the
 * generator or the producer cannot keep up) it sends as fast as it can and the achieved rate says
 * so.
 */
final class PacedLoad {

  private static final int QUEUE_CAPACITY = 20_000;
  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** A record with its id, ready to send. */
  private record Outgoing(SimulatedRecord record, Id128 id) {}

  private static final Outgoing END = new Outgoing(null, null);

  private final Producer<byte[], byte[]> producer;
  private final RawTopicNames topics;
  private final AppendTimeIndex appendTimes;
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

  PacedLoad(Producer<byte[], byte[]> producer, RawTopicNames topics, AppendTimeIndex appendTimes) {
    this.producer = producer;
    this.topics = topics;
    this.appendTimes = appendTimes;
  }

  /** What was sent, and over how long. */
  record Sent(long records, double seconds) {}

  /**
   * Sends up to {@code records} records of {@code events} at {@code perSecond}, then flushes.
   *
   * @throws IllegalStateException if the broker rejected a record
   */
  Sent run(Iterator<SimEvent> events, long records, double perSecond, Progress progress)
      throws InterruptedException {
    BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    Thread generator = new Thread(() -> generate(events, records, queue), "bench-load-generator");
    generator.setDaemon(true);
    generator.start();
    try {
      while (queue.remainingCapacity() > 0 && generator.isAlive()) {
        Thread.sleep(10);
      }
      long start = System.nanoTime();
      long sent = 0;
      while (true) {
        long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond) + 1;
        while (sent < due) {
          Outgoing next = queue.take();
          if (next == END) {
            return finish(sent, start, progress);
          }
          send(next);
          sent++;
        }
        progress.update(sent);
        throwIfFailed();
        LockSupport.parkNanos(PAUSE_NANOS);
      }
    } finally {
      generator.interrupt();
    }
  }

  private Sent finish(long sent, long start, Progress progress) {
    double seconds = (System.nanoTime() - start) / 1e9;
    producer.flush();
    throwIfFailed();
    progress.update(sent);
    progress.finish();
    return new Sent(sent, seconds);
  }

  private void send(Outgoing outgoing) {
    SimulatedRecord record = outgoing.record();
    RecordHeaders headers = new RecordHeaders();
    headers.add(
        EventTimeHeaderExtractor.HEADER,
        EventTimeHeaderExtractor.encode(record.eventTime().toEpochMilli()));
    Id128 id = outgoing.id();
    producer.send(
        new ProducerRecord<>(
            topics.nameOf(record.topic()),
            null,
            null, // the topic is LogAppendTime now: the broker stamps the append time
            record.tenantId().getBytes(StandardCharsets.UTF_8),
            record.json(),
            headers),
        (metadata, failure) -> {
          if (failure != null) {
            firstFailure.compareAndSet(null, failure);
          } else {
            appendTimes.put(id.hi(), id.lo(), metadata.timestamp());
          }
        });
  }

  private void generate(Iterator<SimEvent> events, long records, BlockingQueue<Outgoing> queue) {
    RecordFormatter formatter = new RecordFormatter();
    try {
      try {
        for (long i = 0; i < records && events.hasNext(); i++) {
          SimEvent event = events.next();
          queue.put(new Outgoing(formatter.format(event), idOf(event)));
        }
      } catch (RuntimeException e) {
        firstFailure.compareAndSet(null, e);
      }
      queue.put(END); // also after a failure, so that the sender stops and reports it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The id Microsoft's record carries: the UAL {@code Id} or the sign-in {@code id}. */
  static Id128 idOf(SimEvent event) {
    if (event instanceof MailboxAccess mail) {
      return mail.id();
    }
    if (event instanceof SignIn signIn) {
      return signIn.signInId();
    }
    if (event instanceof MailboxCommand command) {
      return command.id();
    }
    return ((OwaSignOn) event).id();
  }

  private void throwIfFailed() {
    Exception failure = firstFailure.get();
    if (failure != null) {
      throw new IllegalStateException("sending the load failed: " + failure, failure);
    }
  }
}
