package io.stormwatch.kafka.embedded;

/** The two TCP ports of a combined-mode node on {@link #HOST}: clients' and the controller's. */
record ListenerPorts(int client, int controller) {

  /** Both listeners bind here only: the broker is not reachable from other machines. */
  static final String HOST = "localhost";
}
