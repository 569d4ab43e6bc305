package io.stormwatch.cli.pipeline;

import io.stormwatch.detector.app.ConsumerGroupLag;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * Tells when a Kafka Streams application has processed everything on its input topics: its
 * committed offsets have reached the topics' ends (with exactly-once, what is committed is also
 * what its outputs made visible). It watches offsets, it does not guess with a sleep.
 */
public final class PipelineDrain {

  private final Admin admin;
  private final String groupId;

  public PipelineDrain(Admin admin, String groupId) {
    this.admin = admin;
    this.groupId = groupId;
  }

  /** Records on {@code topics} the group has not committed yet. */
  public long lag(Collection<String> topics) throws InterruptedException, ExecutionException {
    return new ConsumerGroupLag(admin).of(groupId, topics);
  }

  /**
   * The group's lag on {@code topics}, read afresh at every call, for a caller that cannot throw
   * checked exceptions (a failure to read it is an {@link IllegalStateException}).
   */
  public LongSupplier lagOf(Collection<String> topics) {
    List<String> watched = List.copyOf(topics);
    return () -> {
      try {
        return lag(watched);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the detector's lag", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("could not read the detector's lag", e.getCause());
      }
    };
  }

  /**
   * Waits until the lag on {@code topics} is zero.
   *
   * @param progress told the remaining lag at every look
   * @return false if the lag did not reach zero within {@code timeout}
   */
  public boolean awaitDrained(Collection<String> topics, Duration timeout, LongConsumer progress)
      throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long lag = lag(topics);
      progress.accept(lag);
      if (lag == 0) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
