package io.stormwatch.kafka.embedded;

import kafka.server.FaultHandlerFactory;
import org.apache.kafka.server.fault.FaultHandler;
import org.apache.kafka.server.fault.FaultHandlerException;
import org.apache.kafka.server.fault.LoggingFaultHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault handling for a broker that is a guest in someone else's JVM.
 *
 * <p>A standalone Kafka node halts its process on a fatal fault (for instance when its controller
 * cannot start), which here would kill the CLI or the test run hosting it. Instead, a fatal fault
 * is logged as an ERROR and returned as an exception to the Kafka code that hit it, which throws
 * it: a failed start surfaces from {@link EmbeddedKafkaBroker#start()}, and a broker broken while
 * running stays broken (clients time out) until its owner closes it. Non-fatal faults are logged
 * exactly as a standalone node logs them.
 */
final class NonHaltingFaultHandlers implements FaultHandlerFactory {

  private static final Logger log = LoggerFactory.getLogger(NonHaltingFaultHandlers.class);

  @Override
  public FaultHandler build(String name, boolean fatal, Runnable action) {
    if (!fatal) {
      return new LoggingFaultHandler(name, action);
    }
    return (failureMessage, cause) -> {
      log.error(
          "Fatal fault in the embedded Kafka broker ({}): {}. The broker is no longer usable.",
          name,
          failureMessage,
          cause);
      try {
        action.run();
      } catch (RuntimeException e) {
        log.error("Handling the fatal fault ({}) failed", name, e);
      }
      return new FaultHandlerException(name + ": " + failureMessage, cause);
    };
  }
}
