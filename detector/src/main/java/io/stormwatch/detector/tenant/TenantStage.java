package io.stormwatch.detector.tenant;

import io.stormwatch.detector.rules.Judgement;
import io.stormwatch.detector.rules.MailItems;
import io.stormwatch.detector.rules.SignInFeedHealth;
import io.stormwatch.detector.rules.TenantRule;
import io.stormwatch.detector.rules.TenantView;
import io.stormwatch.detector.rules.TokenUse;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What needs a whole tenant's view, in the tenant's own event time: context that account-level
 * rules cannot see (how many of the tenant's accounts sign in from a network or read mail with a
 * client, the tenant's typical mail volume), the index of tokens its sign-ins issued, the health of
 * its sign-in feed; and the {@link TenantRule}s, which judge the tenant's token uses on these
 * facts.
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
  private final List<TenantRule> rules;
  private final long maxSignInSilence;
  private final long idleReset;
  private long nextCheck = NOT_READ;

  /**
   * @param rules the tenant rules switched on, in catalogue order: the order they judge a use in
   */
  public TenantStage(
      TenantStateStore store, IssuanceIndex issuance, PendingUses pending, List<TenantRule> rules) {
    this.store = store;
    this.issuance = issuance;
    this.pending = pending;
    this.rules = List.copyOf(rules);
    this.maxSignInSilence = shortest(rules, TenantRule::outageSilence);
    this.idleReset = shortest(rules, TenantRule::idleReset);
  }

  private static long shortest(
      List<TenantRule> rules, Function<TenantRule, Optional<Duration>> asked) {
    return rules.stream()
        .map(asked)
        .flatMap(Optional::stream)
        .mapToLong(Duration::toMillis)
        .min()
        .orElse(Long.MAX_VALUE);
  }

  /**
   * Annotates {@code event} in place with tenant context, learns from it, and lets the tenant rules
   * observe and judge it (one may have its token use checked later: see {@link #checkDue}).
   *
   * @param accountHour the event's account's current hour of mail read, from the account's entry:
   *     updated in place
   * @return the alerts the tenant rules raise on the event at once
   */
  public List<Alert> process(AuditEvent event, AccountHour accountHour) {
    String tenant = event.getTenantId();
    long time = event.getEventTime().toEpochMilli();
    TenantEntry entry = entry(tenant);
    SignInFeed feed = entry.feed;
    feed.watermark = Math.max(feed.watermark, time);

    TenantAccounts accounts = new TenantAccounts(event);
    annotate(event, accounts, entry.peerVolume);
    learn(event, feed, accounts, accountHour, entry.peerVolume);
    annotateAndLearnMailDomains(event);

    List<Alert> alerts = new ArrayList<>(0);
    for (TenantRule rule : rules) {
      View view = new View(rule, tenant, entry, () -> signIns(tenant));
      rule.observe(event, view);
      alerts.addAll(rule.judgeEvent(event, view));
    }
    store.put(TenantKeys.feed(tenant), TenantEntry.CODEC.encode(entry));
    return alerts;
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
   * sign-ins issued are still remembered. Each use goes to the tenant rules in turn until one
   * settles it or has it checked again later.
   */
  public List<Alert> checkDue(long streamTime) {
    List<Alert> alerts = new ArrayList<>();
    if (rules.isEmpty()) {
      return alerts;
    }
    Map<String, TenantEntry> entries = new TreeMap<>();
    Map<String, SignInHistory> histories = new HashMap<>();
    for (byte[] encoded : pending.takeDue(streamTime)) {
      TokenUse use = TokenUse.CODEC.decode(encoded);
      TenantEntry entry = entries.computeIfAbsent(use.tenantId(), this::entry);
      Supplier<SignInHistory> history =
          () -> histories.computeIfAbsent(use.tenantId(), this::signIns);
      judge(use, encoded, streamTime, entry, history).ifPresent(alerts::add);
    }
    entries.forEach(
        (tenant, entry) -> store.put(TenantKeys.feed(tenant), TenantEntry.CODEC.encode(entry)));
    return alerts;
  }

  private Optional<Alert> judge(
      TokenUse use,
      byte[] encoded,
      long streamTime,
      TenantEntry entry,
      Supplier<SignInHistory> history) {
    for (TenantRule rule : rules) {
      Judgement judgement =
          rule.judge(use, streamTime, new View(rule, use.tenantId(), entry, history));
      if (judgement instanceof Judgement.Settled settled) {
        return settled.alert();
      }
      if (judgement instanceof Judgement.Deferred deferred) {
        pending.add(deferred.dueTime(), pendingId(use), encoded);
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A pending use's id: uses that come due together (when a late sign-in feed catches up) are
   * judged in the order they happened, so an incident's first revision is its first use.
   */
  private static String pendingId(TokenUse use) {
    return use.tenantId() + "|" + TenantKeys.paddedTime(use.time()) + "|" + use.eventId();
  }

  /** One tenant as a rule sees it, with that rule's own state. */
  private final class View implements TenantView {
    private final String ruleId;
    private final String tenant;
    private final TenantEntry entry;
    private final Supplier<SignInHistory> history;

    View(TenantRule rule, String tenant, TenantEntry entry, Supplier<SignInHistory> history) {
      this.ruleId = rule.descriptor().id();
      this.tenant = tenant;
      this.entry = entry;
      this.history = history;
    }

    @Override
    public long latestEvent() {
      return entry.feed.watermark;
    }

    @Override
    public long latestSignIn() {
      return entry.feed.latestSignIn;
    }

    @Override
    public long firstTokenUseWithoutSignIn() {
      return entry.feed.firstUseWithoutSignIn;
    }

    @Override
    public long signInSilence() {
      return entry.feed.silenceMillis();
    }

    @Override
    public boolean signInsSilentDuring(long from, long to) {
      return entry.feed.silentDuring(from, to);
    }

    @Override
    public SignInFeedHealth signInFeedHealth(long from, long to, long now, long minSilence) {
      return history.get().judge(from, to, entry.feed.latestSignIn, now, minSilence);
    }

    @Override
    public boolean issued(TokenUse use, long from, long to) {
      return (use.uniqueTokenId() != null
              && issuance.issuedBetween(
                  TenantKeys.issuedToken(use.tenantId(), use.uniqueTokenId()), from, to))
          || (use.sessionId() != null
              && issuance.issuedBetween(
                  TenantKeys.issuedSession(use.tenantId(), use.sessionId()), from, to));
    }

    @Override
    public int accountsReadingMailWith(String appId) {
      return accounts(TenantKeys.app(tenant, appId)).count();
    }

    @Override
    public void checkLater(TokenUse use, long dueTime) {
      pending.add(dueTime, pendingId(use), TokenUse.CODEC.encode(use));
    }

    @Override
    public byte[] ruleState() {
      return entry.ruleStates.get(ruleId);
    }

    @Override
    public void ruleState(byte[] state) {
      if (state == null) {
        entry.ruleStates.remove(ruleId);
      } else {
        entry.ruleStates.put(ruleId, state);
      }
    }

    @Override
    public byte[] get(String key) {
      return store.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
      store.put(key, value);
    }
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

  private void annotate(AuditEvent event, TenantAccounts accounts, PeerVolume peerVolume) {
    if (accounts.network != null) {
      event.setTenantAccountsSignedInFromAsn(accounts.network.count());
    }
    if (accounts.app != null) {
      event.setTenantAccountsUsingApp(accounts.app.count());
    }
    event.setTenantPeerItemsPerHour(peerVolume.baseline());
  }

  /**
   * Shows a change of mailbox or Exchange configuration the tenant's mail domains; learns them from
   * MailItemsAccessed records.
   */
  private void annotateAndLearnMailDomains(AuditEvent event) {
    String key = TenantKeys.mailDomains(event.getTenantId());
    byte[] stored = store.get(key);
    MailDomains domains = stored == null ? new MailDomains() : MailDomains.CODEC.decode(stored);
    if (event.getKind() == EventKind.INBOX_RULE || event.getKind() == EventKind.EXCHANGE_ADMIN) {
      event.setTenantMailDomains(domains.domains());
    }
    if (domains.learn(event)) {
      store.put(key, MailDomains.CODEC.encode(domains));
    }
  }

  private void learn(
      AuditEvent event,
      SignInFeed feed,
      TenantAccounts accounts,
      AccountHour accountHour,
      PeerVolume peerVolume) {
    String tenant = event.getTenantId();
    String account = event.getAccountId();
    long time = event.getEventTime().toEpochMilli();
    boolean succeeded = !Boolean.FALSE.equals(event.getSucceeded());
    if (event.getKind() == EventKind.SIGN_IN && succeeded) {
      learnSignIn(tenant, feed.latestSignIn, time);
      feed.signInArrived(time, maxSignInSilence);
      recordIssuance(event);
      if (accounts.network != null) {
        addAccount(accounts.networkKey, accounts.network, account);
      }
    }
    if (event.getKind() == EventKind.MAIL_ITEMS_ACCESSED) {
      if (accounts.app != null) {
        addAccount(accounts.appKey, accounts.app, account);
      }
      long items = MailItems.bound(event);
      if (items > 0) {
        learnPeerVolume(peerVolume, accountHour, time, items);
      }
    }
    if (TokenUse.presentedBy(event)) {
      feed.tokenUsed(time, idleReset);
    }
  }

  /** Records the token and session a successful sign-in issued. */
  private void recordIssuance(AuditEvent signIn) {
    long time = signIn.getEventTime().toEpochMilli();
    if (signIn.getUniqueTokenId() != null) {
      issuance.record(
          TenantKeys.issuedToken(signIn.getTenantId(), signIn.getUniqueTokenId()), time);
    }
    if (signIn.getSessionId() != null) {
      issuance.record(TenantKeys.issuedSession(signIn.getTenantId(), signIn.getSessionId()), time);
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

  private static void learnPeerVolume(
      PeerVolume peerVolume, AccountHour hour, long time, long items) {
    long hourStart = Math.floorDiv(time, HOUR) * HOUR;
    if (hour.items == 0) {
      hour.hourStart = hourStart;
    } else if (hourStart > hour.hourStart) {
      peerVolume.learn(hour.items);
      hour.hourStart = hourStart;
      hour.items = 0;
    } else if (hourStart < hour.hourStart) {
      return; // a late record of an hour already counted
    }
    hour.items += items;
  }

  /**
   * The account's current hour of mail read as a release before account entry version 5 kept it,
   * under its own key in this stage's store, which it leaves; a new hour if there is none.
   */
  public AccountHour takeStoredAccountHour(String tenant, String account) {
    return takeEarlier(
        TenantKeys.accountHour(tenant, account), AccountHour.CODEC, AccountHour::new);
  }

  /**
   * What an earlier release kept under {@code key}, which it deletes, for state that now lives in
   * an entry; {@code fresh} if there is none.
   */
  private <T> T takeEarlier(String key, StateCodec<T> codec, Supplier<T> fresh) {
    byte[] stored = store.get(key);
    if (stored == null) {
      return fresh.get();
    }
    store.delete(key);
    return codec.decode(stored);
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

  /**
   * The tenant's entry. One an earlier release wrote (or a new one) has no peer volume: it takes
   * the volume over from the key of its own those releases kept it under, once, and deletes the
   * key; the entry is written with every event, so the volume lives in it from then on.
   */
  private TenantEntry entry(String tenant) {
    byte[] stored = store.get(TenantKeys.feed(tenant));
    TenantEntry entry = stored == null ? new TenantEntry() : TenantEntry.CODEC.decode(stored);
    if (entry.peerVolume == null) {
      entry.peerVolume =
          takeEarlier(TenantKeys.peerVolume(tenant), PeerVolume.CODEC, PeerVolume::new);
    }
    return entry;
  }
}
