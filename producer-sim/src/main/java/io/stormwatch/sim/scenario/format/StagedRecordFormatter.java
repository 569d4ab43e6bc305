package io.stormwatch.sim.scenario.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.engine.RecordFormatter;
import io.stormwatch.sim.scenario.event.MailboxAccess;
import io.stormwatch.sim.scenario.event.OwaSignOn;
import io.stormwatch.sim.scenario.event.SimulatedActivity;
import io.stormwatch.sim.scenario.event.StagedEvent;
import io.stormwatch.sim.scenario.event.TokenIssuance;

/**
 * Turns staged events into raw records: the simulator's writers for its own events, this package's
 * writers for the shapes they do not cover. Not thread-safe: one per thread.
 */
public final class StagedRecordFormatter {

  private final RecordFormatter simulated = new RecordFormatter();
  private final MailboxAccessWriter mailboxAccesses;
  private final TokenIssuanceWriter tokenIssuances;
  private final OwaSignOnWriter owaSignOns;

  public StagedRecordFormatter() {
    JsonFactory factory = new JsonFactoryBuilder().rootValueSeparator("").build();
    this.mailboxAccesses = new MailboxAccessWriter(factory);
    this.tokenIssuances = new TokenIssuanceWriter(factory);
    this.owaSignOns = new OwaSignOnWriter(factory);
  }

  public SimulatedRecord format(StagedEvent event) {
    String tenantId = event.tenant().tenantId();
    if (event instanceof SimulatedActivity activity) {
      return simulated.format(activity.event());
    }
    if (event instanceof MailboxAccess access) {
      return new SimulatedRecord(
          event.topic(), tenantId, event.time(), mailboxAccesses.write(access));
    }
    if (event instanceof OwaSignOn signOn) {
      return new SimulatedRecord(event.topic(), tenantId, event.time(), owaSignOns.write(signOn));
    }
    return new SimulatedRecord(
        event.topic(), tenantId, event.time(), tokenIssuances.write((TokenIssuance) event));
  }
}
