package io.stormwatch.bench.throughput;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of some of this JVM's threads: those of one Kafka client or application, picked by a
 * fragment of their names (Kafka names its threads after the client or application id). Unlike
 * process CPU it leaves out the broker, the JIT compilers and the garbage collector.
 */
final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpu() {}

  /** Seconds of CPU used so far by the live threads whose name contains {@code fragment}. */
  static double secondsOfThreadsNamed(String fragment) {
    if (!THREADS.isThreadCpuTimeSupported()) {
      return Double.NaN;
    }
    long nanos = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(fragment)) {
        long cpu = THREADS.getThreadCpuTime(info.getThreadId());
        nanos += Math.max(0, cpu); // -1 when the thread ended in between
      }
    }
    return nanos / 1e9;
  }

  /** Seconds of CPU the calling thread has used. */
  static double secondsOfCurrentThread() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime() / 1e9
        : Double.NaN;
  }
}
