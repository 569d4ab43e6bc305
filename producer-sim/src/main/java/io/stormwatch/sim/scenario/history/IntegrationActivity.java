package io.stormwatch.sim.scenario.history;

import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.AppIdentity;
import io.stormwatch.sim.event.ClientDevice;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SignInCategory;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.stage.ScenarioNetworks;
import io.stormwatch.sim.scenario.stage.ServiceIntegration;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An app-only integration at work: every 55–60 minutes its service principal signs in with its
 * certificate (ServicePrincipalSignInLogs, resource Microsoft Graph, no session), and the token is
 * shared by its workers, two or three addresses of one cloud network, to read each mailbox every
 * 10–20 minutes through Graph.
 */
public final class IntegrationActivity {

  /** How Exchange describes a REST client such as Microsoft Graph. */
  public static final String REST_CLIENT_INFO = "Client=REST;Client=RESTSystem;;";

  static final Duration MIN_TOKEN_INTERVAL = Duration.ofMinutes(55);
  static final Duration MAX_TOKEN_INTERVAL = Duration.ofMinutes(60);

  private IntegrationActivity() {}

  /**
   * Emits the integration's sign-ins and reads from {@code from} for {@code span}.
   *
   * @param workers how many worker addresses share each token (at least 1)
   */
  public static void run(
      Tenant tenant,
      ServiceIntegration integration,
      Instant from,
      Duration span,
      int workers,
      SplittableRandom rng,
      List<SimEvent> out) {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      addresses.add(integration.host().randomAddress(rng));
    }
    Instant end = from.plus(span);
    Instant issued = from.plusNanos(100L * rng.nextInt(10_000_000));
    while (issued.isBefore(end)) {
      Duration life =
          MIN_TOKEN_INTERVAL.plusSeconds(
              rng.nextLong(MAX_TOKEN_INTERVAL.minus(MIN_TOKEN_INTERVAL).toSeconds() + 1));
      Id128 uti = Id128.randomBytes(rng);
      out.add(signIn(tenant, integration, issued, uti, addresses.get(0), rng));
      Instant tokenEnd = issued.plus(life).isBefore(end) ? issued.plus(life) : end;
      for (User mailbox : integration.mailboxes()) {
        long at = issued.getEpochSecond() + 20 + rng.nextInt(120);
        while (at < tokenEnd.getEpochSecond()) {
          out.add(
              read(
                  tenant,
                  integration,
                  MailboxIdentity.of(mailbox),
                  Instant.ofEpochSecond(at),
                  uti,
                  issued,
                  addresses.get(rng.nextInt(addresses.size())),
                  rng));
          at += 600 + rng.nextInt(601);
        }
      }
      issued = issued.plus(life);
    }
  }

  private static SignIn signIn(
      Tenant tenant,
      ServiceIntegration integration,
      Instant at,
      Id128 uti,
      String ip,
      SplittableRandom rng) {
    return new SignIn(
        at,
        Id128.randomGuid(rng),
        Id128.randomGuid(rng),
        tenant,
        SignInCategory.SERVICE_PRINCIPAL,
        null,
        integration.app(),
        integration.app().app(),
        AppIdentity.MICROSOFT_GRAPH,
        integration.host(),
        ip,
        ScenarioNetworks.LONDON,
        uti,
        null,
        ClientDevice.SERVER,
        "none");
  }

  private static MailboxAccess read(
      Tenant tenant,
      ServiceIntegration integration,
      MailboxIdentity mailbox,
      Instant at,
      Id128 uti,
      Instant issued,
      String ip,
      SplittableRandom rng) {
    return MailboxAccess.at(at, Id128.randomGuid(rng), tenant)
        .by(Accessor.appOnly(mailbox, integration.app()))
        .of(mailbox)
        .bind(2 + rng.nextInt(11), List.of("\\Inbox"))
        .client(integration.app().appId(), REST_CLIENT_INFO)
        .api(AppIdentity.MICROSOFT_GRAPH.appId())
        .from(ip)
        .token(null, uti, issued)
        .contentSeed(rng.nextLong())
        .build();
  }
}
