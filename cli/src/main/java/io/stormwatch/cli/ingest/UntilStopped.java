package io.stormwatch.cli.ingest;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;

/**
 * How an ingestion runs until Ctrl-C: the shutdown hook stops it and lets the JVM wait for its
 * clean close (the last transaction committed or aborted), and a Kafka failure that retries could
 * not mend ends it with exit code 1 and one readable line.
 */
final class UntilStopped {

  private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);

  private final CountDownLatch finished = new CountDownLatch(1);

  /** On Ctrl-C, runs {@code stop} and waits for {@link #run} to have returned. */
  void stopOnShutdown(String threadName, Runnable stop) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.run();
                  awaitFinished();
                },
                threadName));
  }

  /** Runs the ingestion; its exit code, or 1 when writing to Kafka failed for good. */
  int run(PrintWriter err, Callable<Integer> ingestion) throws Exception {
    try {
      return ingestion.call();
    } catch (KafkaException e) {
      err.println("Stopped: writing to Kafka failed for good: " + e.getMessage());
      return 1;
    } finally {
      finished.countDown();
    }
  }

  private void awaitFinished() {
    try {
      finished.await(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
