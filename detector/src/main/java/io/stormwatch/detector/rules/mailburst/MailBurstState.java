package io.stormwatch.detector.rules.mailburst;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.Arrays;

/**
 * One account's mail-access volume: a ring of fixed buckets covering the sliding window, the
 * current hour's total, a moving baseline of its active hours, and the open incident if any. Its
 * size does not grow with the number of events.
 */
public final class MailBurstState {

  static final int EVIDENCE_LIMIT = 16;
  static final long NONE = Long.MIN_VALUE;

  long latestEventTime = NONE;

  /** Bucket ring: start (epoch ms, bucket-aligned) and item count of each slot; NONE = empty. */
  long[] bucketStarts;

  long[] bucketItems;

  long hourStart = NONE;
  long hourItems;
  boolean hourTouchedByIncident;

  /** Moving average of items per active hour; NaN until the first hour is complete. */
  double baseline = Double.NaN;

  int baselineHours;

  long incidentStart = NONE;
  int revision;

  /** Whether the open incident's alert already reported Exchange throttling the mailbox's audit. */
  boolean throttledReported;

  /** Whether the open incident saw a throttled record. */
  boolean throttled;

  /** Event time of the open incident's latest throttled record, or NONE. */
  long throttledAt = NONE;

  long reportedItems;
  long lastCrossing = NONE;
  long incidentFirstEvent = NONE;
  long incidentLastEvent = NONE;
  long incidentEvents;
  final BoundedSortedSet<String> ips = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<Long> asns = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> asOrganisations = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> countries = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> appIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> tokenIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> sessionIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);

  /** The latest contributing events, incident or not, to show what led to a crossing. */
  EventSample recentEvents = new EventSample();

  MailBurstState(int slots) {
    bucketStarts = new long[slots];
    bucketItems = new long[slots];
    Arrays.fill(bucketStarts, NONE);
  }

  boolean incidentOpen() {
    return incidentStart != NONE;
  }

  void closeIncident() {
    incidentStart = NONE;
    revision = 0;
    throttledReported = false;
    throttled = false;
    throttledAt = NONE;
    reportedItems = 0;
    lastCrossing = NONE;
    incidentFirstEvent = NONE;
    incidentLastEvent = NONE;
    incidentEvents = 0;
    ips.clear();
    asns.clear();
    asOrganisations.clear();
    countries.clear();
    appIds.clear();
    tokenIds.clear();
    sessionIds.clear();
  }

  static StateCodec<MailBurstState> codec(int slots) {
    return new BinaryStateCodec<>("mail-burst", 2) {
      @Override
      protected void write(MailBurstState s, BinaryStateWriter out) {
        out.writeLong(s.latestEventTime).writeInt(s.bucketStarts.length);
        for (int i = 0; i < s.bucketStarts.length; i++) {
          out.writeLong(s.bucketStarts[i]).writeLong(s.bucketItems[i]);
        }
        out.writeLong(s.hourStart)
            .writeLong(s.hourItems)
            .writeBoolean(s.hourTouchedByIncident)
            .writeDouble(s.baseline)
            .writeInt(s.baselineHours)
            .writeLong(s.incidentStart)
            .writeInt(s.revision)
            .writeBoolean(s.throttledReported)
            .writeBoolean(s.throttled)
            .writeLong(s.reportedItems)
            .writeLong(s.lastCrossing)
            .writeLong(s.incidentFirstEvent)
            .writeLong(s.incidentLastEvent)
            .writeLong(s.incidentEvents)
            .writeStrings(s.ips.toList())
            .writeLongs(s.asns.toList())
            .writeStrings(s.asOrganisations.toList())
            .writeStrings(s.countries.toList())
            .writeStrings(s.appIds.toList())
            .writeStrings(s.tokenIds.toList())
            .writeStrings(s.sessionIds.toList())
            .writeLongs(s.recentEvents.times())
            .writeStrings(s.recentEvents.eventIds())
            .writeLong(s.throttledAt);
      }

      @Override
      protected MailBurstState read(BinaryStateReader in, int version) {
        MailBurstState s = new MailBurstState(slots);
        s.latestEventTime = in.readLong();
        int stored = in.readInt();
        for (int i = 0; i < stored; i++) {
          long start = in.readLong();
          long items = in.readLong();
          if (stored == slots) { // after a window change the ring restarts empty
            s.bucketStarts[i] = start;
            s.bucketItems[i] = items;
          }
        }
        s.hourStart = in.readLong();
        s.hourItems = in.readLong();
        s.hourTouchedByIncident = in.readBoolean();
        s.baseline = in.readDouble();
        s.baselineHours = in.readInt();
        s.incidentStart = in.readLong();
        s.revision = in.readInt();
        s.throttledReported = in.readBoolean();
        s.throttled = in.readBoolean();
        s.reportedItems = in.readLong();
        s.lastCrossing = in.readLong();
        s.incidentFirstEvent = in.readLong();
        s.incidentLastEvent = in.readLong();
        s.incidentEvents = in.readLong();
        s.ips.addAll(in.readStrings());
        s.asns.addAll(in.readLongs());
        s.asOrganisations.addAll(in.readStrings());
        s.countries.addAll(in.readStrings());
        s.appIds.addAll(in.readStrings());
        s.tokenIds.addAll(in.readStrings());
        s.sessionIds.addAll(in.readStrings());
        s.recentEvents = EventSample.of(in.readLongs(), in.readStrings());
        // Version 1 did not keep when throttling began: a throttled record always crosses the
        // threshold, so the incident's latest crossing is the closest time it kept.
        s.throttledAt = version >= 2 ? in.readLong() : s.throttled ? s.lastCrossing : NONE;
        return s;
      }
    };
  }
}
