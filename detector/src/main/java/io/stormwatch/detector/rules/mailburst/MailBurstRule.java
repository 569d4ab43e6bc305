package io.stormwatch.detector.rules.mailburst;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.rules.AuditThrottling;
import io.stormwatch.detector.rules.MailItems;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * MailItemsAccessed burst (ATT&amp;CK T1114.002): the items an account read in a sliding window —
 * bind OperationCount — against an absolute floor and a multiple of a baseline of items per active
 * hour: the account's own moving average once it has enough active hours, the tenant's peer average
 * before. A record with {@code IsThrottled=True} is a signal of its own: Exchange stops auditing a
 * mailbox's reads after about 1,000 items in 24 hours.
 *
 * <p>Syncs are not counted. A sync record stands for a whole folder a desktop Outlook downloaded,
 * and every new device downloads every folder once: a user with 400 folders setting up a laptop
 * "reads" 400 folders in half an hour, on top of their reading. Counted as items, that crossed the
 * floor (the new-device-full-sync trap, in the standard scenario set). Whether a sync is theft
 * depends on where it comes from, which is foreign-mailbox-sync's question.
 *
 * <p>Hours that overlap an incident are not learned, so an attack does not teach the baseline that
 * attacks are normal; only while an account has no baseline of its own, the hours of an incident
 * that has gone on for hours (a heavy reader's working day, flagged against its peers) are learned,
 * so that the reader's volume becomes its baseline instead of an alert every day. The first
 * crossing fires at once; the same incident is revised when its window total has grown by half
 * since the last revision or throttling appears, and closes after a full window without a crossing.
 */
public final class MailBurstRule implements AccountRule<MailBurstState> {

  /** The window is summed in this many buckets: fine enough for a sliding view, small state. */
  static final int BUCKETS_PER_WINDOW = 12;

  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final double REVISION_GROWTH = 1.5;

  private final MailBurstSettings settings;
  private final long windowMs;
  private final long bucketMs;
  private final StateCodec<MailBurstState> codec;

  public MailBurstRule(MailBurstSettings settings) {
    this.settings = settings;
    this.windowMs = settings.window().toMillis();
    this.bucketMs = Math.max(1, windowMs / BUCKETS_PER_WINDOW);
    this.codec = MailBurstState.codec(BUCKETS_PER_WINDOW + 1);
  }

  @Override
  public RuleDescriptor descriptor() {
    return MailBurst.DESCRIPTOR;
  }

  @Override
  public MailBurstState newState() {
    return new MailBurstState(BUCKETS_PER_WINDOW + 1);
  }

  @Override
  public boolean isEmpty(MailBurstState state) {
    return state.latestEventTime == MailBurstState.NONE;
  }

  @Override
  public StateCodec<MailBurstState> codec() {
    return codec;
  }

  @Override
  public List<Alert> evaluate(MailBurstState state, AuditEvent event) {
    long items = event.getKind() == EventKind.MAIL_ITEMS_ACCESSED ? MailItems.bound(event) : 0;
    if (items == 0) {
      return List.of(); // not mail access, or a sync of whole folders: see MailItems.bound
    }
    long time = event.getEventTime().toEpochMilli();
    state.latestEventTime = Math.max(state.latestEventTime, time);
    boolean incidentOver =
        state.incidentOpen() && state.latestEventTime - state.lastCrossing > windowMs;
    learnHour(state, time, items, incidentOver); // the hour that ended, with its incident as it was
    if (incidentOver) {
      state.closeIncident();
    }
    addToWindow(state, time, items);
    state.recentEvents.add(time, event.getEventId());
    if (state.incidentOpen()) {
      observe(state, event, time);
    }

    long windowItems = windowItems(state);
    Baseline baseline = baseline(state, event);
    double threshold = threshold(baseline);
    boolean throttled = event.getThrottled();
    if (windowItems < threshold && !throttled) {
      return List.of();
    }
    state.lastCrossing = state.latestEventTime;
    if (!state.incidentOpen()) {
      state.incidentStart = Math.floorDiv(time, bucketMs) * bucketMs;
      state.hourTouchedByIncident = true;
      observe(state, event, time);
    }
    state.throttled |= throttled;
    if (throttled) {
      state.throttledAt = Math.max(state.throttledAt, time);
    }
    boolean grew = windowItems >= state.reportedItems * REVISION_GROWTH;
    boolean newlyThrottled = state.throttled && !state.throttledReported;
    if (state.revision > 0 && !grew && !newlyThrottled) {
      return List.of();
    }
    state.revision++;
    state.reportedItems = Math.max(state.reportedItems, windowItems);
    state.throttledReported = state.throttled;
    return List.of(alert(state, event, windowItems, baseline, threshold));
  }

  /** The baseline an account is judged against, and whose it is. */
  private record Baseline(double itemsPerHour, String source) {
    static final Baseline NONE = new Baseline(Double.NaN, "no baseline yet");
  }

  private Baseline baseline(MailBurstState state, AuditEvent event) {
    if (!Double.isNaN(state.baseline) && state.baselineHours >= settings.ownBaselineHours()) {
      return new Baseline(state.baseline, "own");
    }
    Double peer = event.getTenantPeerItemsPerHour();
    if (peer != null) {
      return new Baseline(peer, "tenant peers");
    }
    return Double.isNaN(state.baseline)
        ? Baseline.NONE
        : new Baseline(state.baseline, "own, still learning");
  }

  private void learnHour(MailBurstState state, long time, long items, boolean incidentOver) {
    long hour = Math.floorDiv(time, HOUR) * HOUR;
    if (state.hourStart == MailBurstState.NONE) {
      state.hourStart = hour;
    } else if (hour > state.hourStart) {
      if (state.hourItems > 0
          && (!state.hourTouchedByIncident || steadyWhileNew(state, state.hourStart + HOUR))) {
        state.baseline =
            Double.isNaN(state.baseline)
                ? state.hourItems
                : settings.baselineWeight() * state.hourItems
                    + (1 - settings.baselineWeight()) * state.baseline;
        state.baselineHours++;
      }
      state.hourStart = hour;
      state.hourItems = 0;
      state.hourTouchedByIncident = state.incidentOpen() && !incidentOver;
    } else if (hour < state.hourStart) {
      return; // a late event of an hour already learned
    }
    state.hourItems += items;
  }

  /**
   * Whether an hour that touched an incident, ending at {@code hourEnd}, is learned all the same:
   * the account has no baseline of its own yet, and its incident (already reported) has gone on for
   * as many hours as a baseline needs. That is a heavy reader's working day, which the comparison
   * with its peers flagged, not a burst; without this every hour of it would be an incident, never
   * learned, and the reader would be alerted on again every day.
   */
  private boolean steadyWhileNew(MailBurstState state, long hourEnd) {
    return state.baselineHours < settings.ownBaselineHours()
        && state.incidentOpen()
        && hourEnd - state.incidentStart >= settings.ownBaselineHours() * HOUR;
  }

  private void addToWindow(MailBurstState state, long time, long items) {
    long bucket = Math.floorDiv(time, bucketMs) * bucketMs;
    if (bucket <= state.latestEventTime - windowMs) {
      return; // already outside the window
    }
    int slot =
        (int) Math.floorMod(Math.floorDiv(bucket, bucketMs), (long) state.bucketStarts.length);
    if (state.bucketStarts[slot] == bucket) {
      state.bucketItems[slot] += items;
    } else if (state.bucketStarts[slot] < bucket) {
      state.bucketStarts[slot] = bucket;
      state.bucketItems[slot] = items;
    }
  }

  private long windowItems(MailBurstState state) {
    long sum = 0;
    long oldest = state.latestEventTime - windowMs;
    for (int i = 0; i < state.bucketStarts.length; i++) {
      if (state.bucketStarts[i] != MailBurstState.NONE && state.bucketStarts[i] > oldest) {
        sum += state.bucketItems[i];
      }
    }
    return sum;
  }

  private double threshold(Baseline baseline) {
    double floor = settings.floorItems();
    if (Double.isNaN(baseline.itemsPerHour())) {
      return floor;
    }
    double hoursPerWindow = (double) windowMs / HOUR;
    return Math.max(
        floor, settings.baselineMultiplier() * baseline.itemsPerHour() * hoursPerWindow);
  }

  private static void observe(MailBurstState state, AuditEvent event, long time) {
    state.incidentFirstEvent =
        state.incidentFirstEvent == MailBurstState.NONE
            ? time
            : Math.min(state.incidentFirstEvent, time);
    state.incidentLastEvent = Math.max(state.incidentLastEvent, time);
    state.incidentEvents++;
    state.ips.add(event.getClientIp());
    state.asns.add(event.getAsn());
    state.asOrganisations.add(event.getAsOrganisation());
    state.countries.add(event.getCountry());
    state.appIds.add(event.getClientAppId());
    state.tokenIds.add(event.getUniqueTokenId());
    state.sessionIds.add(event.getSessionId());
  }

  private Alert alert(
      MailBurstState state,
      AuditEvent event,
      long windowItems,
      Baseline baseline,
      double threshold) {
    boolean baselineKnown = !Double.isNaN(baseline.itemsPerHour());
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(state.ips.toList())
            .setAsns(state.asns.toList())
            .setAsOrganisations(state.asOrganisations.toList())
            .setCountries(state.countries.toList())
            .setAppIds(state.appIds.toList())
            .setTokenIds(state.tokenIds.toList())
            .setSessionIds(state.sessionIds.toList())
            .setEventCount(state.incidentEvents)
            .setItemCount(windowItems)
            .setBaseline(baselineKnown ? round1(baseline.itemsPerHour()) : null)
            .setThreshold(round1(threshold))
            .setSampleEventIds(state.recentEvents.eventIds())
            .setMailboxBlindSince(blindSince(state))
            .setMailboxBlindUntil(blindUntil(state))
            .build();
    String summary =
        String.format(
            Locale.ROOT,
            "%s accessed %,d mail items within %s (%s, threshold %,.0f)%s",
            event.getAccountId(),
            windowItems,
            Alerts.humanDuration(settings.window()),
            baselineKnown
                ? String.format(
                    Locale.ROOT,
                    "baseline %,.0f per hour, %s",
                    baseline.itemsPerHour(),
                    baseline.source())
                : baseline.source(),
            threshold,
            state.throttled
                ? "; Exchange throttled auditing of the mailbox (IsThrottled): its binds go"
                    + " unaudited until "
                    + blindUntil(state)
                : "");
    double ratio = windowItems / threshold;
    return Alerts.revision(
        MailBurst.DESCRIPTOR,
        AlertIds.of(
            MailBurst.DESCRIPTOR.id(),
            event.getTenantId(),
            event.getAccountId(),
            "burst@" + Instant.ofEpochMilli(state.incidentStart)),
        state.revision,
        ratio >= 4 || state.throttled ? Severity.HIGH : Severity.MEDIUM,
        Math.min(0.95, (state.throttled ? 0.7 : 0.5) + 0.1 * ratio),
        event.getTenantId(),
        event.getAccountId(),
        Instant.ofEpochMilli(state.incidentFirstEvent),
        Instant.ofEpochMilli(state.incidentLastEvent),
        summary,
        evidence);
  }

  private static Instant blindSince(MailBurstState state) {
    return state.throttledAt == MailBurstState.NONE
        ? null
        : Instant.ofEpochMilli(state.throttledAt);
  }

  /** Exchange audits no binds of a throttled mailbox for 24 hours. */
  private static Instant blindUntil(MailBurstState state) {
    return state.throttledAt == MailBurstState.NONE
        ? null
        : Instant.ofEpochMilli(state.throttledAt).plus(AuditThrottling.BLINDNESS);
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
