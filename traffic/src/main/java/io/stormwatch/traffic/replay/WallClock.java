package io.stormwatch.traffic.replay;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The wall clock a replay is paced by; tests pass one they control. */
public interface WallClock {

  /** The system clock. */
  WallClock SYSTEM =
      new WallClock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
          TimeUnit.NANOSECONDS.sleep(nanos);
        }
      };

  /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** The current date and time. */
  Instant now();

  /** Waits for {@code nanos} nanoseconds. */
  void sleep(long nanos) throws InterruptedException;
}
