package io.stormwatch.sim.attack;

import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.truth.LabelledAttack;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Collects an attack's records and turns them into an {@link InjectedAttack} with its label. */
final class AttackRecords {

  private final String attackId;
  private final AttackType type;
  private final User victim;
  private final SplittableRandom rng;
  private final List<MailboxAccess> events = new ArrayList<>();
  private final Map<String, Network> sources = new LinkedHashMap<>();
  private final Set<String> utis = new LinkedHashSet<>();

  AttackRecords(String attackId, AttackType type, User victim, SplittableRandom rng) {
    this.attackId = attackId;
    this.type = type;
    this.victim = victim;
    this.rng = rng;
  }

  /** Adds one Bind record; records must be added in time order. */
  void bind(
      Instant at,
      int items,
      String clientAppId,
      String clientInfoString,
      String ip,
      Network network,
      Id128 sessionId,
      Id128 uti,
      Instant tokenIssuedAt) {
    events.add(
        MailboxAccess.byOwner(
            at,
            Id128.randomGuid(rng),
            victim,
            MailAccessType.BIND,
            items,
            clientAppId,
            clientInfoString,
            ip,
            sessionId,
            uti,
            tokenIssuedAt,
            rng.nextLong()));
    sources.putIfAbsent(ip, network);
    utis.add(uti.asUti());
  }

  InjectedAttack build(String summary) {
    MailboxAccess first = events.get(0);
    MailboxAccess last = events.get(events.size() - 1);
    List<Long> asns = sources.values().stream().map(Network::asn).distinct().toList();
    List<String> countries = sources.values().stream().map(Network::country).distinct().toList();
    LabelledAttack label =
        new LabelledAttack(
            attackId,
            type,
            type.techniques(),
            victim.tenant().tenantId(),
            victim.tenant().name(),
            victim.upn(),
            first.time(),
            last.time(),
            events.stream().map(MailboxAccess::recordId).toList(),
            events.stream().mapToLong(MailboxAccess::operationCount).sum(),
            List.copyOf(sources.keySet()),
            asns,
            countries,
            List.copyOf(utis),
            first.sessionId() == null ? null : first.sessionId().asGuid(),
            first.clientAppId(),
            summary);
    return new InjectedAttack(label, events);
  }

  int recordCount() {
    return events.size();
  }

  long itemCount() {
    return events.stream().mapToLong(MailboxAccess::operationCount).sum();
  }

  /**
   * {@code n} whole-second instants spread over {@code [start, start + seconds)}, one per stratum.
   */
  static long[] spread(SplittableRandom rng, Instant start, long seconds, int n) {
    long[] times = new long[n];
    long base = start.getEpochSecond();
    for (int i = 0; i < n; i++) {
      long from = i * seconds / n;
      long to = (i + 1) * seconds / n;
      times[i] = base + from + (to > from ? rng.nextLong(to - from) : 0);
    }
    return times;
  }
}
