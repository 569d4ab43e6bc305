package io.stormwatch.sim.scenario.stream;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.scenario.stage.SignInDelivery;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Every event that reaches the pipeline, in non-decreasing event time: the scripted events (sparse
 * history and scenarios, held in memory) merged with the background of the scenario day (generated
 * slice by slice), less the background the scenarios silence and the sign-ins a tenant's feed never
 * delivers. On equal times scripted events come first.
 */
public final class DeliveredEvents implements Iterator<SimEvent> {

  private final List<SimEvent> scripted;
  private final Iterator<SimEvent> background;
  private final List<Silence> silences;
  private final Map<String, SignInDelivery> deliveries;
  private int nextScripted;
  private SimEvent nextBackground;
  private SimEvent next;

  /**
   * @param scripted scripted events sorted by event time
   * @param background the scenario day's background in event-time order
   * @param silences background to drop
   * @param deliveries each tenant's sign-in feed, by tenant id; tenants not listed deliver
   *     everything
   */
  public DeliveredEvents(
      List<SimEvent> scripted,
      Iterator<SimEvent> background,
      List<Silence> silences,
      Map<String, SignInDelivery> deliveries) {
    this.scripted = scripted;
    this.background = background;
    this.silences = List.copyOf(silences);
    this.deliveries = Map.copyOf(deliveries);
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      SimEvent candidate = pull();
      if (candidate == null) {
        return false;
      }
      if (delivered(candidate)) {
        next = candidate;
      }
    }
    return true;
  }

  @Override
  public SimEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more events");
    }
    SimEvent event = next;
    next = null;
    return event;
  }

  private SimEvent pull() {
    if (nextBackground == null) {
      nextBackground = nextAudibleBackground();
    }
    SimEvent fromScript = nextScripted < scripted.size() ? scripted.get(nextScripted) : null;
    if (fromScript != null
        && (nextBackground == null || !fromScript.time().isAfter(nextBackground.time()))) {
      nextScripted++;
      return fromScript;
    }
    SimEvent event = nextBackground;
    nextBackground = null;
    return event;
  }

  private SimEvent nextAudibleBackground() {
    while (background.hasNext()) {
      SimEvent event = background.next();
      if (silences.stream().noneMatch(s -> s.covers(event))) {
        return event;
      }
    }
    return null;
  }

  private boolean delivered(SimEvent event) {
    if (event.topic() != RawTopic.SIGN_IN) {
      return true;
    }
    SignInDelivery delivery = deliveries.get(event.tenant().tenantId());
    return delivery == null || delivery.delivers(event.time());
  }
}
