package io.stormwatch.ipintel;

import java.util.Optional;

/** The distinct networks of a database, addressed by the ids the segment tables hold. */
final class NetworkTable {

  /** Id of the segments where nothing is known. */
  static final int NO_NETWORK = -1;

  private final Network[] networks;

  /** Takes ownership of the array; ids are indexes into it. */
  NetworkTable(Network[] networks) {
    this.networks = networks;
  }

  /** Returns the network with this id, or empty for {@link #NO_NETWORK}. */
  Optional<Network> find(int id) {
    // Not a precomputed Optional per network: that would cost a megabyte or two and one more cache
    // miss per lookup, while a short-lived Optional is nearly free (and often optimised away).
    return id == NO_NETWORK ? Optional.empty() : Optional.of(networks[id]);
  }

  Network get(int id) {
    return networks[id];
  }

  int size() {
    return networks.length;
  }

  /** Returns whether {@code id} refers to a network of this table or is {@link #NO_NETWORK}. */
  boolean isValidId(int id) {
    return id == NO_NETWORK || (id >= 0 && id < networks.length);
  }
}
