package io.stormwatch.sim.msformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.event.AppConsent;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxCommand;
import io.stormwatch.sim.event.MailboxPermissionGrant;
import io.stormwatch.sim.event.OwaSignOn;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SimEvent;

/**
 * Turns events into raw records in Microsoft's formats, one writer per record type. Not
 * thread-safe: one per thread.
 */
public final class RecordFormatter {

  private final MailItemsAccessedWriter mailboxAccesses;
  private final SignInRecordWriter signIns;
  private final OwaAuthWriter owaSignOns;
  private final ConsentWriter consents;
  private final MailboxPermissionWriter mailboxPermissions;
  private final ExchangeAdminWriter mailboxCommands;

  public RecordFormatter() {
    JsonFactory factory = new JsonFactoryBuilder().rootValueSeparator("").build();
    this.mailboxAccesses = new MailItemsAccessedWriter(factory);
    this.signIns = new SignInRecordWriter(factory);
    this.owaSignOns = new OwaAuthWriter(factory);
    this.consents = new ConsentWriter(factory);
    this.mailboxPermissions = new MailboxPermissionWriter(factory);
    this.mailboxCommands = new ExchangeAdminWriter(factory);
  }

  public SimulatedRecord format(SimEvent event) {
    byte[] json;
    if (event instanceof MailboxAccess access) {
      json = mailboxAccesses.write(access);
    } else if (event instanceof SignIn signIn) {
      json = signIns.write(signIn);
    } else if (event instanceof AppConsent consent) {
      json = consents.write(consent);
    } else if (event instanceof MailboxPermissionGrant grant) {
      json = mailboxPermissions.write(grant);
    } else if (event instanceof OwaSignOn signOn) {
      json = owaSignOns.write(signOn);
    } else {
      json = mailboxCommands.write((MailboxCommand) event);
    }
    return new SimulatedRecord(event.topic(), event.tenant().tenantId(), event.time(), json);
  }
}
