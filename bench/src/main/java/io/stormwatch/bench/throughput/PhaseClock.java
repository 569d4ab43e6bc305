package io.stormwatch.bench.throughput;

import java.lang.management.ManagementFactory;

/**
 * Wall time and this process's CPU time from a start point. The CPU figure covers every thread of
 * the JVM, broker included: on a shared machine it is the steadier measure of what a phase costs.
 */
public final class PhaseClock {

  private final long wallStart;
  private final long cpuStart;

  private PhaseClock(long wallStart, long cpuStart) {
    this.wallStart = wallStart;
    this.cpuStart = cpuStart;
  }

  public static PhaseClock start() {
    return new PhaseClock(System.nanoTime(), processCpuNanos());
  }

  public double wallSeconds() {
    return (System.nanoTime() - wallStart) / 1e9;
  }

  public double cpuSeconds() {
    long now = processCpuNanos();
    return now < 0 || cpuStart < 0 ? Double.NaN : (now - cpuStart) / 1e9;
  }

  /** CPU time of all threads of this JVM, or -1 where the platform does not tell. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
