package io.stormwatch.cli.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run a {@link ChaosRun}.
 *
 * @param plan the faults
 * @param instanceSettings detector settings of every instance on top of the reference's, which do
 *     not change what the detector computes (standby replicas, ...)
 * @param pace how long one instance would take to read the whole recording: each instance's
 *     consumer is held to the recording's size divided by this (a broker fetch quota), so that the
 *     faults land while there is work left; zero for full speed
 * @param staticMembership whether each instance joins the group with a {@code group.instance.id} of
 *     its own, so that one restarted takes its tasks back without waiting for its old session to
 *     expire
 * @param sessionTimeout the consumer group session timeout: how long the group waits for an
 *     instance that stopped heartbeating before it hands its tasks to others
 * @param classpath the stormwatch command's class path, for the detector processes
 * @param instanceJavaOptions JVM options of a detector process
 * @param stepTimeout how long any one step may take (a recovery, the reference, the drain)
 * @param workDirectory where the recording, the broker's data, the state and the logs go
 */
public record ChaosSettings(
    ChaosPlan plan,
    Map<String, String> instanceSettings,
    Duration pace,
    boolean staticMembership,
    Duration sessionTimeout,
    String classpath,
    List<String> instanceJavaOptions,
    Duration stepTimeout,
    Path workDirectory) {

  /**
   * JVM options of a detector process unless told otherwise: a modest heap, and only the quick JIT
   * compiler. A detector process of a chaos run lives for seconds and is held to a pace; on a few
   * shared cores, the optimising compiler's threads more than double its start-up (5.5 s against 14
   * s from kill to committing again, in one measurement on two loaded cores).
   */
  public static final List<String> DEFAULT_INSTANCE_JAVA_OPTIONS =
      List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

  public ChaosSettings {
    instanceSettings = Map.copyOf(instanceSettings);
    instanceJavaOptions = List.copyOf(instanceJavaOptions);
  }
}
