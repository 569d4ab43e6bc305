package io.stormwatch.sim.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.event.MailAccessEvent;
import io.stormwatch.sim.event.SignInEvent;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.msformat.MailItemsAccessedWriter;
import io.stormwatch.sim.msformat.SignInRecordWriter;

/** Turns events into raw records in Microsoft's formats. Not thread-safe: one per thread. */
public final class RecordFormatter {

  private final MailItemsAccessedWriter mailWriter;
  private final SignInRecordWriter signInWriter;

  public RecordFormatter() {
    JsonFactory factory = new JsonFactoryBuilder().rootValueSeparator("").build();
    this.mailWriter = new MailItemsAccessedWriter(factory);
    this.signInWriter = new SignInRecordWriter(factory);
  }

  public SimulatedRecord format(SimEvent event) {
    String tenantId = event.tenant().tenantId();
    if (event instanceof MailAccessEvent mail) {
      return new SimulatedRecord(mail.topic(), tenantId, mail.time(), mailWriter.write(mail));
    }
    SignInEvent signIn = (SignInEvent) event;
    return new SimulatedRecord(signIn.topic(), tenantId, signIn.time(), signInWriter.write(signIn));
  }
}
