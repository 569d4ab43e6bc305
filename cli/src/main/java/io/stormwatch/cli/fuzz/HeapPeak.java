package io.stormwatch.cli.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The most heap in use while it runs, sampled every 50 ms (broker, detector and generator). */
final class HeapPeak implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "heap-peak");
            thread.setDaemon(true);
            return thread;
          });

  HeapPeak() {
    sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
  }

  long peakBytes() {
    sample();
    return peak.get();
  }

  long maxBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
