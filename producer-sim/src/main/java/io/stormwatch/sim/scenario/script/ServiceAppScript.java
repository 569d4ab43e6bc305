package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.event.ServicePrincipal;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.history.IntegrationActivity;
import io.stormwatch.sim.scenario.stage.Role;
import io.stormwatch.sim.scenario.stage.ScenarioNetworks;
import io.stormwatch.sim.scenario.stage.ServiceIntegration;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A CRM connector with the application permission Mail.Read reads three users' mailboxes through
 * Microsoft Graph from AWS in London, app-only: every hour its service principal signs in with a
 * certificate (ServicePrincipalSignInLogs, no session, resource Graph), and three workers share the
 * token. Its records carry no AADSessionId, {@code UserType} 5 and the service principal's object
 * id as {@code TokenObjectId}. The history shows its nightly batch every day. One token, several
 * addresses, several mailboxes, a cloud ASN, a client app that is not a mail client: all
 * legitimate, all issued.
 */
final class ServiceAppScript implements ScenarioScript {

  static final int MAILBOXES = 3;
  static final int WORKERS = 3;
  static final Duration RUNS_FOR = Duration.ofHours(10);

  private ServiceIntegration integration;

  @Override
  public ScenarioType type() {
    return ScenarioType.SERVICE_APP_GRAPH;
  }

  @Override
  public int actorCount() {
    return MAILBOXES;
  }

  @Override
  public void cast(CastingCall call) {
    List<User> mailboxes = new ArrayList<>();
    for (int i = 0; i < MAILBOXES; i++) {
      mailboxes.add(call.cast(Role.worker("a mailbox the CRM connector reads")));
    }
    var rng = call.rng();
    ServicePrincipal app =
        new ServicePrincipal(
            Id128.randomGuid(rng).asGuid(),
            call.tenant().tenant().name().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + call.tenant().tenant().name().substring(1)
                + " CRM Mail Connector",
            Id128.randomGuid(rng).asGuid(),
            Id128.randomGuid(rng).asGuid());
    integration = new ServiceIntegration(app, ScenarioNetworks.AWS_LONDON, mailboxes);
    call.tenant().habits().addIntegration(integration);
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    Instant start = p.stage().dayStart().plus(Duration.ofHours(6)).plusSeconds(rng.nextInt(1800));
    List<SimEvent> events = new ArrayList<>();
    IntegrationActivity.run(
        p.tenant().tenant(), integration, start, RUNS_FOR, WORKERS, rng, events);
    Scene scene = new Scene();
    events.forEach(scene::add);
    integration.mailboxes().forEach(u -> scene.account(u.upn()));
    scene.account(integration.app().account());
    long tokens =
        events.stream().filter(e -> e.topic() == io.stormwatch.sim.RawTopic.SIGN_IN).count();
    return scene
        .parameter("clientAppId", integration.app().appId())
        .parameter("servicePrincipalId", integration.app().objectId())
        .parameter("hostAsn", integration.host().asn())
        .parameter("workersPerToken", WORKERS)
        .parameter("mailboxes", MAILBOXES)
        .parameter("tokens", tokens)
        .parameter("reads", events.size() - tokens)
        .summary(
            String.format(
                "'%s' reads %d mailboxes app-only through Graph from %s AS%d, %d tokens each shared"
                    + " by %d workers",
                integration.app().displayName(),
                MAILBOXES,
                integration.host().organisation(),
                integration.host().asn(),
                tokens,
                WORKERS));
  }
}
