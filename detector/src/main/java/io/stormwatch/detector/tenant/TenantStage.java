package io.stormwatch.detector.tenant;

import io.stormwatch.detector.rules.MailItems;
import io.stormwatch.detector.rules.coverage.SignInCoverageRule;
import io.stormwatch.detector.rules.orphantoken.OrphanTokenRule;
import io.stormwatch.detector.rules.orphantoken.TokenUse;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What needs a whole tenant's view, in the tenant's own event time: context that account-level
 * rules cannot see (how many of the tenant's accounts sign in from a network or read mail with a
 * client, the tenant's typical mail volume), the index of tokens its sign-ins issued, the
 * orphan-token checks against it, and the health of its sign-in feed.
 *
 * <p>Runs where a tenant's UAL and sign-in records meet — the raw topics are keyed by tenant — so
 * its state and verdicts follow the tenant's record order alone.
 */
public final class TenantStage {

  private static final long HOUR = Duration.ofHours(1).toMillis();

  /** How often, in stream time, due token uses are judged: fine against the grace. */
  private static final long CHECK_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();

  private static final long NOT_READ = Long.MIN_VALUE;

  private final TenantStateStore store;
  private final IssuanceIndex issuance;
  private final PendingUses pending;
  private final OrphanTokenRule orphanToken; // null when switched off
  private final SignInCoverageRule coverage;
  private final long maxSignInSilence;
  private final long idleReset;
  private final long maxWait;
  private long nextCheck = NOT_READ;

  public TenantStage(
      TenantStateStore store,
      IssuanceIndex issuance,
      PendingUses pending,
      OrphanTokenRule orphanToken,
      SignInCoverageRule coverage) {
    this.store = store;
    this.issuance = issuance;
    this.pending = pending;
    this.orphanToken = orphanToken;
    this.coverage = coverage;
    this.maxSignInSilence =
        orphanToken == null ? Long.MAX_VALUE : orphanToken.maxSignInSilence().toMillis();
    this.idleReset = coverage == null ? Long.MAX_VALUE : coverage.idleReset().toMillis();
    this.maxWait = orphanToken == null ? Long.MAX_VALUE : orphanToken.maxWait().toMillis();
  }

  /**
   * Annotates {@code event} in place with tenant context and learns from it; a token use becomes a
   * pending check (see {@link #checkDue}).
   */
  public void process(AuditEvent event) {
    String tenant = event.getTenantId();
    long time = event.getEventTime().toEpochMilli();
    SignInFeed feed = feed(tenant);
    feed.watermark = Math.max(feed.watermark, time);

    TenantAccounts accounts = new TenantAccounts(event);
    annotate(event, accounts);
    learn(event, feed, accounts);

    if (orphanToken != null && OrphanTokenRule.presentsToken(event)) {
      TokenUse use = TokenUse.of(event);
      pending.add(
          time + orphanToken.grace().toMillis(), pendingId(use), TokenUse.CODEC.encode(use));
    }
    store.put(TenantKeys.feed(tenant), SignInFeed.CODEC.encode(feed));
  }

  /**
   * Told the stream time after each event: once it reaches the next whole minute, judges the token
   * uses due by then ({@link #checkDue}) and returns the alerts they cause.
   *
   * <p>Called after every event, and with the next check kept in the stage's state, the checks —
   * and so the alerts, whose contents depend on what the stage has seen when it judges — follow
   * from the records alone. Kafka Streams' stream-time punctuation would not do: it runs after a
   * batch of records whose size depends on timing, and once more whenever a task starts again after
   * a restart or a rebalance. (Records the normaliser drops move stream time but run no check; the
   * next event does.)
   */
  public List<Alert> streamTimeReached(long streamTime) {
    if (nextCheck == NOT_READ) {
      byte[] stored = store.get(TenantKeys.nextCheck());
      nextCheck = stored == null ? Long.MIN_VALUE : NextCheck.CODEC.decode(stored);
    }
    if (streamTime < nextCheck) {
      return List.of();
    }
    List<Alert> alerts = checkDue(streamTime);
    nextCheck =
        Math.floorDiv(streamTime, CHECK_INTERVAL_MILLIS) * CHECK_INTERVAL_MILLIS
            + CHECK_INTERVAL_MILLIS;
    store.put(TenantKeys.nextCheck(), NextCheck.CODEC.encode(nextCheck));
    return alerts;
  }

  /**
   * Judges the token uses due by {@code streamTime} (the event time the stage has reached across
   * its tenants) and returns the alerts they cause. Driven by stream time rather than by each
   * tenant's own events, so that a tenant that falls idle is judged on time, while the tokens its
   * sign-ins issued are still remembered.
   */
  public List<Alert> checkDue(long streamTime) {
    List<Alert> alerts = new ArrayList<>();
    if (orphanToken == null) {
      return alerts;
    }
    Map<String, SignInFeed> feeds = new TreeMap<>();
    Map<String, SignInHistory> histories = new HashMap<>();
    for (byte[] encoded : pending.takeDue(streamTime)) {
      TokenUse use = TokenUse.CODEC.decode(encoded);
      SignInFeed feed = feeds.computeIfAbsent(use.tenantId(), this::feed);
      Supplier<SignInHistory> history =
          () -> histories.computeIfAbsent(use.tenantId(), this::signIns);
      if (coverage != null && coverage.inGap(feed, history)) {
        coverage.unverifiable(feed, use).ifPresent(alerts::add);
      } else if (feed.latestSignIn != SignInFeed.NONE
          && (feed.latestSignIn >= use.time() || streamTime >= use.time() + maxWait)) {
        if (!orphanToken.issued(use, issuance)
            && !issuanceMayBeMissing(use, feed, history.get(), streamTime)) {
          orphanToken.orphaned(use, store).ifPresent(alerts::add);
        }
      } else {
        // The sign-in feed has not reached this use yet (it may be late): look again later, on a
        // grid, so that uses waiting for the same sign-ins come due together.
        long step = Math.max(1, orphanToken.grace().toMillis() / 6);
        pending.add((Math.floorDiv(streamTime, step) + 1) * step, pendingId(use), encoded);
      }
    }
    feeds.forEach(
        (tenant, feed) -> store.put(TenantKeys.feed(tenant), SignInFeed.CODEC.encode(feed)));
    return alerts;
  }

  /**
   * A pending use's id: uses that come due together (when a late sign-in feed catches up) are
   * judged in the order they happened, so an incident's first revision is its first use.
   */
  private static String pendingId(TokenUse use) {
    return use.tenantId() + "|" + TenantKeys.paddedTime(use.time()) + "|" + use.eventId();
  }

  /**
   * Whether the use's token may have been issued while the sign-in feed failed, so that its missing
   * issuance proves nothing: the feed was silent shortly before the use at hours the tenant is
   * rarely silent at. Quiet hours the tenant keeps (nights, weekends) are no failure. While the
   * tenant's rhythm at those hours is not known yet, any long stretch of token use without a
   * sign-in counts as a failure.
   */
  private boolean issuanceMayBeMissing(
      TokenUse use, SignInFeed feed, SignInHistory history, long streamTime) {
    long from = use.time() - maxSignInSilence;
    return switch (history.judge(
        from, use.time(), feed.latestSignIn, streamTime, maxSignInSilence)) {
      case FAILED -> true;
      case HEALTHY -> false;
      case UNKNOWN -> feed.silentDuring(from, use.time());
    };
  }

  /**
   * The tenant's account sets an event is counted against, read once per event: the network's when
   * it has an ASN, the client app's when it has one.
   */
  private final class TenantAccounts {
    final String networkKey;
    final CappedAccountSet network;
    final String appKey;
    final CappedAccountSet app;

    TenantAccounts(AuditEvent event) {
      String tenant = event.getTenantId();
      networkKey = event.getAsn() == null ? null : TenantKeys.network(tenant, event.getAsn());
      network = networkKey == null ? null : accounts(networkKey);
      appKey =
          event.getClientAppId() == null ? null : TenantKeys.app(tenant, event.getClientAppId());
      app = appKey == null ? null : accounts(appKey);
    }
  }

  private void annotate(AuditEvent event, TenantAccounts accounts) {
    if (accounts.network != null) {
      event.setTenantAccountsSignedInFromAsn(accounts.network.count());
    }
    if (accounts.app != null) {
      event.setTenantAccountsUsingApp(accounts.app.count());
    }
    byte[] peer = store.get(TenantKeys.peerVolume(event.getTenantId()));
    event.setTenantPeerItemsPerHour(peer == null ? null : PeerVolume.CODEC.decode(peer).baseline());
  }

  private void learn(AuditEvent event, SignInFeed feed, TenantAccounts accounts) {
    String tenant = event.getTenantId();
    String account = event.getAccountId();
    long time = event.getEventTime().toEpochMilli();
    boolean succeeded = !Boolean.FALSE.equals(event.getSucceeded());
    if (event.getKind() == EventKind.SIGN_IN && succeeded) {
      learnSignIn(tenant, feed.latestSignIn, time);
      feed.signInArrived(time, maxSignInSilence);
      if (coverage != null) {
        coverage.signInSeen(feed);
      }
      OrphanTokenRule.recordIssuance(event, issuance);
      if (accounts.network != null) {
        addAccount(accounts.networkKey, accounts.network, account);
      }
    }
    if (event.getKind() == EventKind.MAIL_ITEMS_ACCESSED) {
      if (accounts.app != null) {
        addAccount(accounts.appKey, accounts.app, account);
      }
      learnPeerVolume(tenant, account, time, MailItems.of(event));
    }
    if (OrphanTokenRule.presentsToken(event)) {
      feed.tokenUsed(time, idleReset);
    }
  }

  /**
   * Adds a sign-in to the tenant's sign-in history, and the silence it ends if that was long. Read
   * and written at most once per hour of sign-ins, not for every sign-in.
   */
  private void learnSignIn(String tenant, long previous, long time) {
    boolean sameHour =
        previous != SignInFeed.NONE && Math.floorDiv(time, HOUR) == Math.floorDiv(previous, HOUR);
    boolean endsSilence = previous != SignInFeed.NONE && time - previous >= maxSignInSilence;
    if (sameHour && !endsSilence) {
      return;
    }
    SignInHistory history = signIns(tenant);
    if (endsSilence) {
      history.silence(previous, time);
    }
    history.signIn(time);
    store.put(TenantKeys.signIns(tenant), SignInHistory.CODEC.encode(history));
  }

  private void learnPeerVolume(String tenant, String account, long time, long items) {
    String key = TenantKeys.accountHour(tenant, account);
    byte[] stored = store.get(key);
    long hourStart = Math.floorDiv(time, HOUR) * HOUR;
    AccountHour hour = stored == null ? null : AccountHour.CODEC.decode(stored);
    if (hour == null) {
      hour = new AccountHour();
      hour.hourStart = hourStart;
    } else if (hourStart > hour.hourStart) {
      String peerKey = TenantKeys.peerVolume(tenant);
      byte[] peerBytes = store.get(peerKey);
      PeerVolume peer = peerBytes == null ? new PeerVolume() : PeerVolume.CODEC.decode(peerBytes);
      peer.learn(hour.items);
      store.put(peerKey, PeerVolume.CODEC.encode(peer));
      hour.hourStart = hourStart;
      hour.items = 0;
    } else if (hourStart < hour.hourStart) {
      return; // a late record of an hour already counted
    }
    hour.items += items;
    store.put(key, AccountHour.CODEC.encode(hour));
  }

  private CappedAccountSet accounts(String key) {
    byte[] stored = store.get(key);
    return stored == null ? CappedAccountSet.empty() : CappedAccountSet.CODEC.decode(stored);
  }

  private void addAccount(String key, CappedAccountSet accounts, String account) {
    if (accounts.add(account)) {
      store.put(key, CappedAccountSet.CODEC.encode(accounts));
    }
  }

  private SignInHistory signIns(String tenant) {
    byte[] stored = store.get(TenantKeys.signIns(tenant));
    return stored == null ? new SignInHistory() : SignInHistory.CODEC.decode(stored);
  }

  private SignInFeed feed(String tenant) {
    byte[] stored = store.get(TenantKeys.feed(tenant));
    return stored == null ? new SignInFeed() : SignInFeed.CODEC.decode(stored);
  }
}
