package io.stormwatch.sim.scenario;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.behaviour.UserActivityCursor;
import io.stormwatch.sim.engine.TimeSlicedEventIterator;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.msformat.RecordFormatter;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.scenario.history.SparseHistory;
import io.stormwatch.sim.scenario.script.CastingCall;
import io.stormwatch.sim.scenario.script.Performance;
import io.stormwatch.sim.scenario.script.ScenarioScript;
import io.stormwatch.sim.scenario.script.Scene;
import io.stormwatch.sim.scenario.script.ScriptCatalogue;
import io.stormwatch.sim.scenario.stage.Casting;
import io.stormwatch.sim.scenario.stage.SignInDelivery;
import io.stormwatch.sim.scenario.stage.Stage;
import io.stormwatch.sim.scenario.stage.StagedTenant;
import io.stormwatch.sim.scenario.stream.Arrival;
import io.stormwatch.sim.scenario.stream.ArrivalOrder;
import io.stormwatch.sim.scenario.stream.DeliveredEvents;
import io.stormwatch.sim.scenario.stream.Silence;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A labelled scenario run: simulated tenants going about their work for weeks (sparse history) and
 * one full day, with attacks and benign traps played among them, as raw Microsoft records in the
 * order they reach the pipeline, and a label for every scenario.
 *
 * <p>Construction casts the scenarios, generates the history and the scenario events and computes
 * the labels; records are generated lazily on each call of {@link #records()} or {@link #run}, and
 * every call yields the same bytes.
 *
 * <pre>{@code
 * ScenarioRun run = new ScenarioRun(ScenarioSettings.of(42, ScenarioSet.ci()));
 * run.run(record -> publisher.send(record.record()));   // in arrival order
 * List<ScenarioLabel> labels = run.labels();
 * }</pre>
 */
public final class ScenarioRun {

  /** The tenant most scenarios share, without a corporate VPN. */
  static final int PRIMARY_TENANT = 0;

  /** The tenant with the corporate VPN and the app-only integration. */
  static final int VPN_TENANT = 1;

  private static final Duration SLICE = Duration.ofMinutes(10);

  /** No tenant is smaller: the tenant-wide scenarios need a population to be about. */
  static final int MIN_USERS = 8;

  private final ScenarioSettings settings;
  private final Stage stage;
  private final List<SimEvent> scripted;
  private final List<Silence> silences;
  private final Map<String, SignInDelivery> deliveries;
  private final List<ScenarioLabel> labels;
  private final RunTally tally;

  /**
   * Casts, generates and labels the run.
   *
   * @throws IllegalStateException if a scenario finds no user to cast (the set needs more
   *     background users)
   */
  public ScenarioRun(ScenarioSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    List<Instance> instances = instances(settings.set(), settings.seed());
    int dedicated =
        (int)
            instances.stream()
                .filter(i -> i.type().placement() == TenantPlacement.DEDICATED)
                .count();
    Map<Integer, Integer> actorsPerTenant = new HashMap<>();
    int nextDedicated = 2;
    for (Instance instance : instances) {
      int tenant =
          switch (instance.type().placement()) {
            case PRIMARY -> PRIMARY_TENANT;
            case CORPORATE_VPN -> VPN_TENANT;
            case DEDICATED -> nextDedicated++;
          };
      instance.tenantIndex = tenant;
      actorsPerTenant.merge(tenant, instance.script().actorCount(), Integer::sum);
    }
    // Shared tenants hold their actors plus the background; dedicated tenants only background.
    List<Integer> users = new ArrayList<>();
    int background = settings.set().backgroundUsers();
    for (int tenant = 0; tenant < 2 + dedicated; tenant++) {
      int actors = actorsPerTenant.getOrDefault(tenant, 0);
      users.add(Math.max(MIN_USERS, actors + background));
    }
    this.stage = new Stage(settings, users, VPN_TENANT);

    Casting casting = new Casting(stage);
    for (Instance instance : instances) {
      instance
          .script()
          .cast(
              new CastingCall(
                  instance.number(),
                  stage.tenant(instance.tenantIndex),
                  stage,
                  casting,
                  instance.rng));
    }

    List<SimEvent> historyEvents = new ArrayList<>();
    Map<String, List<SimEvent>> history = new HashMap<>();
    SparseHistory sparse = new SparseHistory(stage);
    for (StagedTenant tenant : stage.tenants()) {
      for (SimEvent event : sparse.generate(tenant)) {
        historyEvents.add(event);
        String user = actingUser(event);
        if (user != null) {
          history.computeIfAbsent(user, u -> new ArrayList<>()).add(event);
        }
      }
    }

    List<SimEvent> sceneEvents = new ArrayList<>();
    List<Silence> allSilences = new ArrayList<>();
    List<Played> played = new ArrayList<>();
    for (Instance instance : instances) {
      Scene scene =
          instance
              .script()
              .perform(
                  new Performance(
                      stage.tenant(instance.tenantIndex), stage, instance.rng, history));
      sceneEvents.addAll(scene.events());
      allSilences.addAll(scene.silences());
      played.add(new Played(instance, scene));
    }
    // A silence replaces background in the history as it does on the scenario day.
    historyEvents.removeIf(e -> allSilences.stream().anyMatch(s -> s.covers(e)));
    List<SimEvent> events = new ArrayList<>(historyEvents);
    events.addAll(sceneEvents);
    events.sort(Comparator.comparing(SimEvent::time)); // stable: ties keep generation order
    this.scripted = List.copyOf(events);
    this.silences = List.copyOf(allSilences);
    Map<String, SignInDelivery> deliveryByTenant = new LinkedHashMap<>();
    for (StagedTenant tenant : stage.tenants()) {
      deliveryByTenant.put(tenant.tenant().tenantId(), tenant.signIns());
    }
    this.deliveries = Map.copyOf(deliveryByTenant);

    LabelMaker labelMaker = new LabelMaker(stage, deliveries);
    for (Played p : played) {
      labelMaker.add(
          p.instance().labelId(stage), p.instance().type(), p.instance().tenantIndex, p.scene());
    }
    this.tally = new RunTally();
    for (Iterator<SimEvent> it = events(); it.hasNext(); ) {
      SimEvent event = it.next();
      labelMaker.observe(event);
      tally.count(event);
    }
    this.labels = labelMaker.labels();
  }

  public ScenarioSettings settings() {
    return settings;
  }

  /** Every scenario's label, in set order. */
  public List<ScenarioLabel> labels() {
    return labels;
  }

  /** Records the run delivers. */
  public long recordCount() {
    return tally.records();
  }

  /** Delivered records per raw topic. */
  public Map<RawTopic, Long> recordsByTopic() {
    return tally.byTopic();
  }

  /** Tenants simulated. */
  public int tenants() {
    return stage.tenants().size();
  }

  /** Users of each tenant, in tenant order. */
  public List<Integer> usersPerTenant() {
    return stage.tenants().stream().map(t -> t.users().size()).toList();
  }

  /** Users of all tenants. */
  public int users() {
    return stage.tenants().stream().mapToInt(t -> t.users().size()).sum();
  }

  /** Event time of the first history record: the run starts here. */
  public Instant start() {
    return stage.historyStart();
  }

  /** End of the scenario day: the run ends here. */
  public Instant end() {
    return stage.dayEnd();
  }

  /**
   * A fresh pass over every record in arrival order (event order, except for lagging feeds); each
   * call yields the same records.
   */
  public Iterator<ScenarioRecord> records() {
    Iterator<Arrival> arrivals =
        new ArrivalOrder(
            events(),
            e ->
                e.topic() == RawTopic.SIGN_IN
                    ? deliveries.get(e.tenant().tenantId()).delay()
                    : Duration.ZERO);
    RecordFormatter formatter = new RecordFormatter();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return arrivals.hasNext();
      }

      @Override
      public ScenarioRecord next() {
        Arrival arrival = arrivals.next();
        SimulatedRecord record = formatter.format(arrival.event());
        return new ScenarioRecord(record, arrival.arrivalTime(), arrival.event().recordId());
      }
    };
  }

  /**
   * Hands every record to {@code sink} in arrival order.
   *
   * @return records handed over
   */
  public long run(Consumer<ScenarioRecord> sink) {
    long count = 0;
    for (Iterator<ScenarioRecord> it = records(); it.hasNext(); ) {
      sink.accept(it.next());
      count++;
    }
    return count;
  }

  /** Every delivered event in event-time order, before formatting. */
  private Iterator<SimEvent> events() {
    List<UserActivityCursor> cursors = new ArrayList<>();
    for (StagedTenant tenant : stage.tenants()) {
      for (User user : tenant.users()) {
        cursors.add(new UserActivityCursor(tenant.dayPlan(user)));
      }
    }
    Iterator<SimEvent> background =
        new TimeSlicedEventIterator(cursors, List.of(), stage.dayStart(), stage.dayEnd(), SLICE);
    return new DeliveredEvents(scripted, background, silences, deliveries);
  }

  /**
   * The user whose own activity an event is, or null: a user's sign-in, or an owner reading their
   * own mailbox (not a delegate's read, not an application's).
   */
  private static String actingUser(SimEvent event) {
    if (event instanceof SignIn signIn && signIn.user() != null) {
      return signIn.user().upn();
    }
    if (event instanceof MailboxAccess access && access.byOwner()) {
      return access.mailbox().upn();
    }
    return null;
  }

  private static List<Instance> instances(ScenarioSet set, long seed) {
    List<Instance> instances = new ArrayList<>();
    Map<ScenarioType, Integer> ordered = new EnumMap<>(set.instances());
    ordered.forEach(
        (type, count) -> {
          for (int n = 1; n <= count; n++) {
            instances.add(
                new Instance(
                    type,
                    n,
                    ScriptCatalogue.create(type),
                    Seeds.stream(seed, ScenarioStreams.SCENARIO, type.ordinal(), n)));
          }
        });
    return instances;
  }

  /** One scenario instance while the run is built. */
  private static final class Instance {
    private final ScenarioType type;
    private final int number;
    private final ScenarioScript script;
    private final SplittableRandom rng;
    private int tenantIndex;

    Instance(ScenarioType type, int number, ScenarioScript script, SplittableRandom rng) {
      this.type = type;
      this.number = number;
      this.script = script;
      this.rng = rng;
    }

    ScenarioType type() {
      return type;
    }

    int number() {
      return number;
    }

    ScenarioScript script() {
      return script;
    }

    String labelId(Stage stage) {
      return type.id() + "-" + stage.tenant(tenantIndex).tenant().name() + "-" + number;
    }
  }

  private record Played(Instance instance, Scene scene) {}
}
