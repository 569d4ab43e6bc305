package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.scenario.stream.Silence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What a script produced: its events, the background it replaces, and what its label will say. */
public final class Scene {

  /**
   * A scenario about a whole tenant: its records are those of the tenant's stream that {@code
   * records} selects, within the span.
   *
   * @param records selects the scenario's records among the delivered ones
   * @param from the scenario starts no earlier than this
   * @param to the scenario ends before this
   */
  public record TenantWide(Predicate<SimEvent> records, Instant from, Instant to) {}

  private final List<SimEvent> events = new ArrayList<>();
  private final List<Silence> silences = new ArrayList<>();
  private final Set<String> accounts = new LinkedHashSet<>();
  private final SortedMap<String, String> parameters = new TreeMap<>();
  private String summary = "";
  private TenantWide tenantWide;

  public Scene add(SimEvent event) {
    events.add(event);
    return this;
  }

  public Scene silence(Silence silence) {
    silences.add(silence);
    return this;
  }

  public Scene account(String account) {
    accounts.add(account);
    return this;
  }

  public Scene parameter(String name, Object value) {
    parameters.put(
        name,
        value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value));
    return this;
  }

  public Scene summary(String summary) {
    this.summary = summary;
    return this;
  }

  public Scene tenantWide(TenantWide tenantWide) {
    this.tenantWide = tenantWide;
    return this;
  }

  public List<SimEvent> events() {
    return Collections.unmodifiableList(events);
  }

  public List<Silence> silences() {
    return Collections.unmodifiableList(silences);
  }

  public List<String> accounts() {
    return List.copyOf(accounts);
  }

  public SortedMap<String, String> parameters() {
    return Collections.unmodifiableSortedMap(parameters);
  }

  public String summary() {
    return summary;
  }

  public Optional<TenantWide> tenantWide() {
    return Optional.ofNullable(tenantWide);
  }
}
