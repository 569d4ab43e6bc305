package io.stormwatch.bench.report;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The machine and software a run measured: figures mean little without them.
 *
 * @param cores processors available to the JVM
 * @param cpuModel the processor, from /proc/cpuinfo, or "unknown"
 * @param memoryBytes physical memory, or -1 if unknown
 * @param os operating system name, version and architecture
 * @param jvm JVM name and version
 * @param initialHeapBytes the heap the JVM started with (-Xms): below the limit, the collector
 *     grows the heap under load and collects more often meanwhile
 * @param maxHeapBytes the heap limit (-Xmx)
 * @param garbageCollectors the collectors in use
 * @param kafkaVersion the Kafka clients, Streams and broker version (one version in this build)
 */
public record MachineInfo(
    int cores,
    String cpuModel,
    long memoryBytes,
    String os,
    String jvm,
    long initialHeapBytes,
    long maxHeapBytes,
    String garbageCollectors,
    String kafkaVersion) {

  /** This machine and JVM. */
  public static MachineInfo current() {
    long memory = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        readCpuModel(),
        memory,
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit(),
        Runtime.getRuntime().maxMemory(),
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", ")),
        AppInfoParser.getVersion());
  }

  /** The 1-minute load average of the machine, or -1 where the platform does not tell. */
  public static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String readCpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      return lines.stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
