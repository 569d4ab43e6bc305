package io.stormwatch.bench.latency;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collections that stopped this JVM while a phase ran, from the collectors' own
 * notifications. Broker, load generator and pipeline share the JVM, so a pause stops all three:
 * what an alert's latency includes beyond the pipeline's work shows here.
 *
 * <p>G1 on Java 17 notifies its young, mixed and full collections; its remark and cleanup pauses,
 * usually a few milliseconds, are not among them (Java 20 and later notify them too). ZGC's and
 * Shenandoah's "Cycles" collectors report concurrent cycles, not pauses, and are left out.
 */
public final class GcPauses implements AutoCloseable {

  /**
   * What the collectors reported.
   *
   * @param pauses collections that stopped the application
   * @param totalMs their durations summed
   * @param longestMs the longest of them
   */
  public record Figures(long pauses, long totalMs, long longestMs) {}

  private static final String CONCURRENT_CYCLES = "Cycles";

  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onNotification;
  private long pauses;
  private long totalMs;
  private long longestMs;

  private GcPauses() {}

  /** Starts counting the pauses of every collector that notifies. */
  static GcPauses start() {
    GcPauses counting = new GcPauses();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter
          && !collector.getName().endsWith(CONCURRENT_CYCLES)) {
        emitter.addNotificationListener(counting.listener, null, null);
        counting.emitters.add(emitter);
      }
    }
    return counting;
  }

  /** The pauses so far. */
  synchronized Figures figures() {
    return new Figures(pauses, totalMs, longestMs);
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException alreadyGone) {
        // nothing to remove
      }
    }
    emitters.clear();
  }

  private void onNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    record(info.getGcInfo().getDuration());
  }

  private synchronized void record(long durationMs) {
    pauses++;
    totalMs += durationMs;
    longestMs = Math.max(longestMs, durationMs);
  }
}
