package io.stormwatch.cli.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Busy threads, one per core, for as long as it is open: the test under it runs on a machine whose
 * cores are all taken, as on a shared CI machine.
 */
public final class CpuContention implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  private CpuContention(int threadCount) {
    for (int i = 0; i < threadCount; i++) {
      Thread spinner = new Thread(this::spin, "cpu-contention-" + i);
      spinner.setDaemon(true);
      spinner.setPriority(Thread.NORM_PRIORITY);
      threads.add(spinner);
      spinner.start();
    }
  }

  /** Starts one busy thread per available processor. */
  public static CpuContention onEveryCore() {
    return new CpuContention(Runtime.getRuntime().availableProcessors());
  }

  private void spin() {
    long x = 0;
    while (running.get()) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    if (x == 42) {
      System.out.print(""); // keeps the loop from being optimised away
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
