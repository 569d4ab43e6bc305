package io.stormwatch.sim.scenario;

import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.scenario.script.Scene;
import io.stormwatch.sim.scenario.stage.SignInDelivery;
import io.stormwatch.sim.scenario.stage.Stage;
import io.stormwatch.sim.world.Tenant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns played scenes into labels. A scene's records are its own delivered events; a tenant-wide
 * scene's records are those of the delivered stream it selects, so they are collected while the
 * stream is observed once.
 */
final class LabelMaker {

  private final Stage stage;
  private final Map<String, SignInDelivery> deliveries;
  private final List<Pending> pending = new ArrayList<>();

  LabelMaker(Stage stage, Map<String, SignInDelivery> deliveries) {
    this.stage = stage;
    this.deliveries = deliveries;
  }

  void add(String id, ScenarioType type, int tenantIndex, Scene scene) {
    Pending label = new Pending(id, type, stage.tenant(tenantIndex).tenant(), scene);
    if (scene.tenantWide().isEmpty()) {
      scene.events().stream()
          .filter(this::delivered)
          .sorted(Comparator.comparing(SimEvent::time))
          .forEach(label::include);
    }
    pending.add(label);
  }

  /** Offers a delivered event, in event-time order, to the tenant-wide labels. */
  void observe(SimEvent event) {
    for (Pending label : pending) {
      label
          .scene
          .tenantWide()
          .filter(w -> !event.time().isBefore(w.from()) && event.time().isBefore(w.to()))
          .filter(w -> w.records().test(event))
          .ifPresent(w -> label.include(event));
    }
  }

  List<ScenarioLabel> labels() {
    return pending.stream().map(Pending::label).toList();
  }

  private boolean delivered(SimEvent event) {
    SignInDelivery delivery = deliveries.get(event.tenant().tenantId());
    return event.topic() != io.stormwatch.sim.RawTopic.SIGN_IN
        || delivery == null
        || delivery.delivers(event.time());
  }

  private static final class Pending {
    private final String id;
    private final ScenarioType type;
    private final Tenant tenant;
    private final Scene scene;
    private final List<SimEvent> records = new ArrayList<>();

    Pending(String id, ScenarioType type, Tenant tenant, Scene scene) {
      this.id = id;
      this.type = type;
      this.tenant = tenant;
      this.scene = scene;
    }

    void include(SimEvent event) {
      records.add(event);
    }

    ScenarioLabel label() {
      return ScenarioLabel.of(id, type, tenant, scene, records);
    }
  }
}
