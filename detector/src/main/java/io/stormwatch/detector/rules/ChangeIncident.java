package io.stormwatch.detector.rules;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Evidence;
import java.time.Instant;
import java.util.Collection;

/**
 * One account's open incident of configuration changes (inbox rules, forwarding, audit settings):
 * the events that made it, where they came from, and what they set. Opened by a change a rule
 * judges harmful, revised when a later change adds a recipient or a setting, closed after a quiet
 * time without another. Bounded: every list keeps its {@value #EVIDENCE_LIMIT} smallest values.
 * Rules embed it in their state and write it with {@link #write}.
 */
public final class ChangeIncident {

  public static final long NONE = Long.MIN_VALUE;
  static final int EVIDENCE_LIMIT = 16;

  private long start = NONE;
  private long firstEvent = NONE;
  private long lastEvent = NONE;
  private int revision;
  private long events;
  private int reportedRecipients;
  private int reportedChanges;
  private final BoundedSortedSet<String> recipients = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  private final BoundedSortedSet<String> changes = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  private final BoundedSortedSet<String> ips = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  private final BoundedSortedSet<Long> asns = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  private final BoundedSortedSet<String> asOrganisations = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  private final BoundedSortedSet<String> countries = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  private final BoundedSortedSet<String> appIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  private final BoundedSortedSet<String> tokenIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  private final BoundedSortedSet<String> sessionIds = new BoundedSortedSet<>(EVIDENCE_LIMIT);
  private EventSample sample = new EventSample();

  public boolean isOpen() {
    return start != NONE;
  }

  /** Closes the incident if its last change is more than {@code quietMillis} before {@code now}. */
  public void closeIfQuietSince(long now, long quietMillis) {
    if (isOpen() && now - lastEvent > quietMillis) {
      close();
    }
  }

  /**
   * Adds a harmful change to the incident, opening one if none is open, with the recipients and
   * settings it made.
   */
  public void add(AuditEvent event, Collection<String> newRecipients, Collection<String> settings) {
    long time = event.getEventTime().toEpochMilli();
    if (!isOpen()) {
      start = time;
    }
    firstEvent = firstEvent == NONE ? time : Math.min(firstEvent, time);
    lastEvent = Math.max(lastEvent, time);
    events++;
    recipients.addAll(newRecipients);
    changes.addAll(settings);
    ips.add(event.getClientIp());
    asns.add(event.getAsn());
    asOrganisations.add(event.getAsOrganisation());
    countries.add(event.getCountry());
    appIds.add(event.getClientAppId());
    tokenIds.add(event.getUniqueTokenId());
    sessionIds.add(event.getSessionId());
    sample.add(time, event.getEventId());
  }

  /**
   * Whether the incident has something its last alert did not report: it is new, it has more
   * recipients or settings, or {@code escalated} (the rule's judgement of it grew). Marks them
   * reported and counts the revision when it does.
   */
  public boolean newRevision(boolean escalated) {
    boolean grew =
        revision == 0
            || escalated
            || recipients.size() > reportedRecipients
            || changes.size() > reportedChanges;
    if (grew) {
      revision++;
      reportedRecipients = recipients.size();
      reportedChanges = changes.size();
    }
    return grew;
  }

  /** When the incident opened: part of its alert id. */
  public Instant start() {
    return Instant.ofEpochMilli(start);
  }

  public Instant firstEvent() {
    return Instant.ofEpochMilli(firstEvent);
  }

  public Instant lastEvent() {
    return Instant.ofEpochMilli(lastEvent);
  }

  public int revision() {
    return revision;
  }

  public long events() {
    return events;
  }

  public BoundedSortedSet<String> recipients() {
    return recipients;
  }

  public BoundedSortedSet<String> changes() {
    return changes;
  }

  /** The incident's evidence; a rule adds what is its own (blind times, baselines). */
  public Evidence.Builder evidence() {
    return Evidence.newBuilder()
        .setIps(ips.toList())
        .setAsns(asns.toList())
        .setAsOrganisations(asOrganisations.toList())
        .setCountries(countries.toList())
        .setAppIds(appIds.toList())
        .setTokenIds(tokenIds.toList())
        .setSessionIds(sessionIds.toList())
        .setEventCount(events)
        .setRecipients(recipients.toList())
        .setChanges(changes.toList())
        .setSampleEventIds(sample.eventIds());
  }

  /**
   * Where the changes came from, for a summary: {@code 188.166.1.20 (AS14061 DigitalOcean, NL)}.
   */
  public String origin() {
    if (ips.size() == 0) {
      return "an unknown address";
    }
    StringBuilder text = new StringBuilder(String.join(", ", ips.toList()));
    if (asns.size() > 0) {
      text.append(" (AS").append(asns.toList().get(0));
      if (asOrganisations.size() > 0) {
        text.append(' ').append(asOrganisations.toList().get(0));
      }
      if (countries.size() > 0) {
        text.append(", ").append(String.join("/", countries.toList()));
      }
      text.append(')');
    }
    return text.toString();
  }

  private void close() {
    start = NONE;
    firstEvent = NONE;
    lastEvent = NONE;
    revision = 0;
    events = 0;
    reportedRecipients = 0;
    reportedChanges = 0;
    recipients.clear();
    changes.clear();
    ips.clear();
    asns.clear();
    asOrganisations.clear();
    countries.clear();
    appIds.clear();
    tokenIds.clear();
    sessionIds.clear();
    sample = new EventSample();
  }

  /** Writes the incident as part of a rule's state. */
  public void write(BinaryStateWriter out) {
    out.writeLong(start)
        .writeLong(firstEvent)
        .writeLong(lastEvent)
        .writeInt(revision)
        .writeLong(events)
        .writeInt(reportedRecipients)
        .writeInt(reportedChanges)
        .writeStrings(recipients.toList())
        .writeStrings(changes.toList())
        .writeStrings(ips.toList())
        .writeLongs(asns.toList())
        .writeStrings(asOrganisations.toList())
        .writeStrings(countries.toList())
        .writeStrings(appIds.toList())
        .writeStrings(tokenIds.toList())
        .writeStrings(sessionIds.toList())
        .writeLongs(sample.times())
        .writeStrings(sample.eventIds());
  }

  /** Reads what {@link #write} wrote. */
  public static ChangeIncident read(BinaryStateReader in) {
    ChangeIncident incident = new ChangeIncident();
    incident.start = in.readLong();
    incident.firstEvent = in.readLong();
    incident.lastEvent = in.readLong();
    incident.revision = in.readInt();
    incident.events = in.readLong();
    incident.reportedRecipients = in.readInt();
    incident.reportedChanges = in.readInt();
    incident.recipients.addAll(in.readStrings());
    incident.changes.addAll(in.readStrings());
    incident.ips.addAll(in.readStrings());
    incident.asns.addAll(in.readLongs());
    incident.asOrganisations.addAll(in.readStrings());
    incident.countries.addAll(in.readStrings());
    incident.appIds.addAll(in.readStrings());
    incident.tokenIds.addAll(in.readStrings());
    incident.sessionIds.addAll(in.readStrings());
    incident.sample = EventSample.of(in.readLongs(), in.readStrings());
    return incident;
  }
}
