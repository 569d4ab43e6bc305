package io.stormwatch.detector.rules.mailsync;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.detector.rules.MailItems;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A whole mailbox synced from a network the account never signs in from (ATT&amp;CK T1114.002,
 * T1550.001): the "Big Yellow Taxi" idea — mailbox access compared with where the account
 * authenticates — applied to the one access that takes everything.
 *
 * <p>A MailItemsAccessed record with {@code MailAccessType=Sync} stands for a whole folder:
 * Exchange writes one record per folder a desktop Outlook synchronised, not one per item, "on the
 * assumption that all mail items in the synched folder have been compromised" (Microsoft Learn,
 * MailItemsAccessed), and it carries no item count or size. An attacker holding a stolen refresh
 * token can let Outlook download the mailbox from a VPS; the same download from the user's new
 * laptop at home is routine. What tells them apart is the network: the rule sums the folders synced
 * within a sliding window from networks that are neither the account's own — an ASN it signed in
 * from interactively, the user present — nor the tenant's (an office or corporate VPN many accounts
 * sign in from). A refresh-token redemption from the VPS (a non-interactive sign-in) does not make
 * the VPS the account's. The first crossing fires at once; the alert is revised when the folders
 * synced double or another network joins, and the stretch ends after a full window without a
 * foreign sync.
 */
public final class ForeignMailboxSyncRule implements AccountRule<ForeignMailboxSyncState> {

  /** The window is summed in this many buckets: fine enough for a sliding view, small state. */
  static final int BUCKETS_PER_WINDOW = 12;

  private final ForeignMailboxSyncSettings settings;
  private final long windowMs;
  private final long bucketMs;
  private final StateCodec<ForeignMailboxSyncState> codec;

  public ForeignMailboxSyncRule(ForeignMailboxSyncSettings settings) {
    this.settings = settings;
    this.windowMs = settings.window().toMillis();
    this.bucketMs = Math.max(1, windowMs / BUCKETS_PER_WINDOW);
    this.codec = ForeignMailboxSyncState.codec(BUCKETS_PER_WINDOW + 1);
  }

  @Override
  public RuleDescriptor descriptor() {
    return ForeignMailboxSync.DESCRIPTOR;
  }

  @Override
  public ForeignMailboxSyncState newState() {
    return new ForeignMailboxSyncState(BUCKETS_PER_WINDOW + 1);
  }

  @Override
  public boolean isEmpty(ForeignMailboxSyncState state) {
    return state.isEmpty();
  }

  @Override
  public StateCodec<ForeignMailboxSyncState> codec() {
    return codec;
  }

  @Override
  public List<Alert> evaluate(ForeignMailboxSyncState state, AuditEvent event) {
    long time = event.getEventTime().toEpochMilli();
    if (event.getKind() == EventKind.SIGN_IN) {
      if (Boolean.TRUE.equals(event.getInteractive())
          && !Boolean.FALSE.equals(event.getSucceeded())
          && event.getAsn() != null) {
        state.signedInFrom(event.getAsn(), time, settings.networksPerAccount());
      }
      return List.of();
    }
    if (event.getKind() != EventKind.MAIL_ITEMS_ACCESSED) {
      return List.of();
    }
    state.latestEventTime = Math.max(state.latestEventTime, time);
    if (state.inStretch() && state.latestEventTime - state.lastForeignSync > windowMs) {
      state.endStretch();
    }
    if (!MailItems.isSync(event) || event.getAsn() == null || isOwn(state, event)) {
      return List.of();
    }
    // Exchange logs a synced folder at most once an hour per client context, so within the
    // window the records' folders are distinct folders.
    long folders = Math.max(1, event.getFolderCount());
    if (!addToWindow(state, time, folders)) {
      return List.of();
    }
    observe(state, event, time, folders);
    long windowFolders = windowFolders(state);
    if (windowFolders < settings.minFolders()) {
      return List.of();
    }
    boolean grew = windowFolders >= 2 * state.reportedFolders;
    boolean newNetwork = state.asns.size() > state.reportedNetworks;
    if (state.revision > 0 && !grew && !newNetwork) {
      return List.of();
    }
    state.revision++;
    state.reportedFolders = Math.max(state.reportedFolders, windowFolders);
    state.reportedNetworks = state.asns.size();
    return List.of(alert(state, event, windowFolders));
  }

  /**
   * Whether the event's network is the account's own (it signed in there interactively) or the
   * tenant's.
   */
  private boolean isOwn(ForeignMailboxSyncState state, AuditEvent event) {
    return state.ownNetworks.containsKey(event.getAsn())
        || event.getTenantAccountsSignedInFromAsn() >= settings.tenantNetworkAccounts();
  }

  /** Adds the folders to the window's ring; false if the event is already outside the window. */
  private boolean addToWindow(ForeignMailboxSyncState state, long time, long folders) {
    long bucket = Math.floorDiv(time, bucketMs) * bucketMs;
    if (bucket <= state.latestEventTime - windowMs) {
      return false;
    }
    int slot =
        (int) Math.floorMod(Math.floorDiv(bucket, bucketMs), (long) state.bucketStarts.length);
    if (state.bucketStarts[slot] == bucket) {
      state.bucketFolders[slot] += folders;
    } else if (state.bucketStarts[slot] < bucket) {
      state.bucketStarts[slot] = bucket;
      state.bucketFolders[slot] = folders;
    } else {
      return false; // the slot already holds a later bucket: this one is out of the window
    }
    return true;
  }

  private long windowFolders(ForeignMailboxSyncState state) {
    long sum = 0;
    long oldest = state.latestEventTime - windowMs;
    for (int i = 0; i < state.bucketStarts.length; i++) {
      if (state.bucketStarts[i] != ForeignMailboxSyncState.NONE && state.bucketStarts[i] > oldest) {
        sum += state.bucketFolders[i];
      }
    }
    return sum;
  }

  private static void observe(
      ForeignMailboxSyncState state, AuditEvent event, long time, long folders) {
    if (!state.inStretch()) {
      state.stretchStart = time;
      state.firstEvent = time;
      state.lastEvent = time;
    }
    state.lastForeignSync = state.latestEventTime;
    state.firstEvent = Math.min(state.firstEvent, time);
    state.lastEvent = Math.max(state.lastEvent, time);
    state.events++;
    state.folders += folders;
    state.ips.add(event.getClientIp());
    state.asns.add(event.getAsn());
    state.asOrganisations.add(event.getAsOrganisation());
    state.countries.add(event.getCountry());
    state.appIds.add(event.getClientAppId());
    state.tokenIds.add(event.getUniqueTokenId());
    state.sessionIds.add(event.getSessionId());
    state.sample.add(time, event.getEventId());
  }

  private Alert alert(ForeignMailboxSyncState state, AuditEvent event, long windowFolders) {
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(state.ips.toList())
            .setAsns(state.asns.toList())
            .setAsOrganisations(state.asOrganisations.toList())
            .setCountries(state.countries.toList())
            .setAppIds(state.appIds.toList())
            .setTokenIds(state.tokenIds.toList())
            .setSessionIds(state.sessionIds.toList())
            .setEventCount(state.events)
            .setItemCount(windowFolders)
            .setThreshold((double) settings.minFolders())
            .setSampleEventIds(state.sample.eventIds())
            .build();
    String networks =
        state.asns.toList().stream().map(asn -> "AS" + asn).collect(Collectors.joining(", "));
    String summary =
        String.format(
            Locale.ROOT,
            "%s's mailbox: %,d folders synced within %s from %s%s, a network %s never signed in"
                + " from interactively; every item in them was downloaded (%,d folders since %s)",
            event.getAccountId(),
            windowFolders,
            Alerts.humanDuration(settings.window()),
            networks,
            state.countries.size() > 0
                ? " (" + String.join(", ", state.countries.toList()) + ")"
                : "",
            event.getAccountId(),
            state.folders,
            Instant.ofEpochMilli(state.firstEvent));
    return Alerts.revision(
        ForeignMailboxSync.DESCRIPTOR,
        AlertIds.of(
            ForeignMailboxSync.DESCRIPTOR.id(),
            event.getTenantId(),
            event.getAccountId(),
            "sync@" + Instant.ofEpochMilli(state.stretchStart)),
        state.revision,
        Severity.HIGH,
        0.7,
        event.getTenantId(),
        event.getAccountId(),
        Instant.ofEpochMilli(state.firstEvent),
        Instant.ofEpochMilli(state.lastEvent),
        summary,
        evidence);
  }
}
