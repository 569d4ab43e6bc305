package io.stormwatch.ingest.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Asks a running ingestion to stop; waits (backoff, poll interval) end early when it is given. */
public final class StopSignal implements Pause {

  private final CountDownLatch stopped = new CountDownLatch(1);

  public void stop() {
    stopped.countDown();
  }

  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Waits for {@code duration} unless stopped first; returns false if stopped. */
  @Override
  public boolean waitFor(Duration duration) throws InterruptedException {
    return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
  }
}
