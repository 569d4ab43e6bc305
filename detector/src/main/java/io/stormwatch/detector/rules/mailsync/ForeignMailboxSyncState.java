package io.stormwatch.detector.rules.mailsync;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account's mailbox syncs from foreign networks: the networks it signs in from (bounded), a
 * ring of buckets counting the folders synced from other networks over the sliding window, and the
 * current stretch of such syncs with its evidence and the alert revisions it raised. Its size does
 * not grow with the number of events.
 */
public final class ForeignMailboxSyncState {

  static final int EVIDENCE_LIMIT = 16;
  static final long NONE = Long.MIN_VALUE;

  long latestEventTime = NONE;

  /** ASN → time of the account's latest successful interactive sign-in from it. */
  final Map<Long, Long> ownNetworks = new TreeMap<>();

  /** Bucket ring: start (epoch ms, bucket-aligned) and folders of each slot; NONE = empty. */
  final long[] bucketStarts;

  final long[] bucketFolders;

  /** Time of the first foreign sync of the current stretch (its alert id); NONE if none. */
  long stretchStart = NONE;

  long lastForeignSync = NONE;
  long firstEvent = NONE;
  long lastEvent = NONE;
  long events;
  long folders;
  int revision;
  long reportedFolders;
  int reportedNetworks;
  final BoundedSortedSet<String> ips = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<Long> asns = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> asOrganisations = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> countries = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> appIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> tokenIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  final BoundedSortedSet<String> sessionIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  EventSample sample = new EventSample();

  ForeignMailboxSyncState(int slots) {
    bucketStarts = new long[slots];
    bucketFolders = new long[slots];
    Arrays.fill(bucketStarts, NONE);
  }

  boolean inStretch() {
    return stretchStart != NONE;
  }

  /**
   * Remembers an interactive sign-in from {@code asn}, forgetting the stalest beyond {@code max}.
   */
  void signedInFrom(long asn, long time, int max) {
    ownNetworks.merge(asn, time, Math::max);
    while (ownNetworks.size() > max) {
      ownNetworks.entrySet().stream()
          .min(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey)
          .ifPresent(ownNetworks::remove);
    }
  }

  void endStretch() {
    stretchStart = NONE;
    lastForeignSync = NONE;
    firstEvent = NONE;
    lastEvent = NONE;
    events = 0;
    folders = 0;
    revision = 0;
    reportedFolders = 0;
    reportedNetworks = 0;
    ips.clear();
    asns.clear();
    asOrganisations.clear();
    countries.clear();
    appIds.clear();
    tokenIds.clear();
    sessionIds.clear();
    sample = new EventSample();
  }

  boolean isEmpty() {
    return ownNetworks.isEmpty()
        && !inStretch()
        && Arrays.stream(bucketStarts).allMatch(start -> start == NONE);
  }

  static StateCodec<ForeignMailboxSyncState> codec(int slots) {
    return new BinaryStateCodec<>("foreign-mailbox-sync", 1) {
      @Override
      protected void write(ForeignMailboxSyncState s, BinaryStateWriter out) {
        out.writeLong(s.latestEventTime).writeInt(s.ownNetworks.size());
        s.ownNetworks.forEach((asn, time) -> out.writeLong(asn).writeLong(time));
        out.writeInt(s.bucketStarts.length);
        for (int i = 0; i < s.bucketStarts.length; i++) {
          out.writeLong(s.bucketStarts[i]).writeLong(s.bucketFolders[i]);
        }
        out.writeLong(s.stretchStart)
            .writeLong(s.lastForeignSync)
            .writeLong(s.firstEvent)
            .writeLong(s.lastEvent)
            .writeLong(s.events)
            .writeLong(s.folders)
            .writeInt(s.revision)
            .writeLong(s.reportedFolders)
            .writeInt(s.reportedNetworks)
            .writeStrings(s.ips.toList())
            .writeLongs(s.asns.toList())
            .writeStrings(s.asOrganisations.toList())
            .writeStrings(s.countries.toList())
            .writeStrings(s.appIds.toList())
            .writeStrings(s.tokenIds.toList())
            .writeStrings(s.sessionIds.toList())
            .writeLongs(s.sample.times())
            .writeStrings(s.sample.eventIds());
      }

      @Override
      protected ForeignMailboxSyncState read(BinaryStateReader in, int version) {
        ForeignMailboxSyncState s = new ForeignMailboxSyncState(slots);
        s.latestEventTime = in.readLong();
        int networks = in.readInt();
        for (int i = 0; i < networks; i++) {
          s.ownNetworks.put(in.readLong(), in.readLong());
        }
        int stored = in.readInt();
        for (int i = 0; i < stored; i++) {
          long start = in.readLong();
          long folders = in.readLong();
          if (i < slots) {
            s.bucketStarts[i] = start;
            s.bucketFolders[i] = folders;
          }
        }
        s.stretchStart = in.readLong();
        s.lastForeignSync = in.readLong();
        s.firstEvent = in.readLong();
        s.lastEvent = in.readLong();
        s.events = in.readLong();
        s.folders = in.readLong();
        s.revision = in.readInt();
        s.reportedFolders = in.readLong();
        s.reportedNetworks = in.readInt();
        s.ips.addAll(in.readStrings());
        s.asns.addAll(in.readLongs());
        s.asOrganisations.addAll(in.readStrings());
        s.countries.addAll(in.readStrings());
        s.appIds.addAll(in.readStrings());
        s.tokenIds.addAll(in.readStrings());
        s.sessionIds.addAll(in.readStrings());
        s.sample = EventSample.of(in.readLongs(), in.readStrings());
        return s;
      }
    };
  }
}
