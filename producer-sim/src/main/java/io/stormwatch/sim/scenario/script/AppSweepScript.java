package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.event.ServicePrincipal;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.history.IntegrationActivity;
import io.stormwatch.sim.scenario.stage.Role;
import io.stormwatch.sim.scenario.stage.ServiceIntegration;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An application permission at work for an intruder (T1114.002): an application the tenant never
 * saw, its service principal signing in with a client secret from a hosting network, reads six
 * mailboxes app-only through Graph within an hour. Every token is issued; what is unusual is one
 * application sweeping through many mailboxes at once.
 */
final class AppSweepScript implements ScenarioScript {

  static final int MAILBOXES = 6;

  private final List<User> mailboxes = new ArrayList<>();
  private ServicePrincipal app;

  @Override
  public ScenarioType type() {
    return ScenarioType.APP_MAILBOX_SWEEP_HOSTING;
  }

  @Override
  public int actorCount() {
    return MAILBOXES;
  }

  @Override
  public void cast(CastingCall call) {
    for (int i = 0; i < MAILBOXES; i++) {
      mailboxes.add(call.cast(Role.worker("a mailbox the sweeping application reads")));
    }
    var rng = call.rng();
    app =
        new ServicePrincipal(
            Id128.randomGuid(rng).asGuid(),
            "Mailbox Archive Sync",
            Id128.randomGuid(rng).asGuid(),
            Id128.randomGuid(rng).asGuid());
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    List<Network> hosts = p.stage().catalogue().hosting();
    Network host = hosts.get(rng.nextInt(hosts.size()));
    Instant start = p.stage().dayStart().plus(Duration.ofHours(13)).plusSeconds(rng.nextInt(1800));
    List<SimEvent> events = new ArrayList<>();
    IntegrationActivity.run(
        p.tenant().tenant(),
        new ServiceIntegration(app, host, mailboxes),
        start,
        Duration.ofHours(1),
        1,
        rng,
        events);
    Scene scene = new Scene();
    events.forEach(scene::add);
    mailboxes.forEach(u -> scene.account(u.upn()));
    scene.account(app.account());
    scene.account("app:" + app.appId());
    long tokens = events.stream().filter(e -> e.topic() == RawTopic.SIGN_IN).count();
    return scene
        .parameter("clientAppId", app.appId())
        .parameter("hostAsn", host.asn())
        .parameter("mailboxes", MAILBOXES)
        .parameter("tokens", tokens)
        .parameter("reads", events.size() - tokens)
        .summary(
            String.format(
                "'%s' (%s), new to the tenant, read %d mailboxes app-only through Graph within an"
                    + " hour from %s AS%d",
                app.displayName(), app.appId(), MAILBOXES, host.organisation(), host.asn()));
  }
}
