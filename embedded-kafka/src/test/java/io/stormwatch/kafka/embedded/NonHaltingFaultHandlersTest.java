package io.stormwatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.server.fault.FaultHandler;
import org.junit.jupiter.api.Test;

class NonHaltingFaultHandlersTest {

  @Test
  void aFatalFaultRunsItsActionAndComesBackAsAnException() {
    AtomicInteger actions = new AtomicInteger();
    FaultHandler handler =
        new NonHaltingFaultHandlers().build("controller startup", true, actions::incrementAndGet);
    IllegalStateException cause = new IllegalStateException("boom");

    RuntimeException fault = handler.handleFault("caught exception", cause);

    // Still here: a standalone broker would have halted the JVM.
    assertThat(actions).hasValue(1);
    assertThat(fault).hasMessageContaining("controller startup").hasCause(cause);
  }

  @Test
  void aNonFatalFaultIsOnlyLogged() {
    AtomicInteger actions = new AtomicInteger();
    FaultHandler handler =
        new NonHaltingFaultHandlers().build("metadata publishing", false, actions::incrementAndGet);

    RuntimeException fault = handler.handleFault("could not publish");

    assertThat(actions).hasValue(1);
    assertThat(fault).hasMessageContaining("could not publish");
  }
}
