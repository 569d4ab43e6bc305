package io.stormwatch.traffic.publish;

import io.stormwatch.sim.RawTopic;
import java.util.Objects;

/**
 * The topic names the caller chose for the two raw topics.
 *
 * @param ual topic for Unified Audit Log records
 * @param signIn topic for Entra sign-in records
 */
public record RawTopicNames(String ual, String signIn) {

  /**
   * @throws IllegalArgumentException if a name is blank
   */
  public RawTopicNames {
    Objects.requireNonNull(ual, "ual");
    Objects.requireNonNull(signIn, "signIn");
    if (ual.isBlank() || signIn.isBlank()) {
      throw new IllegalArgumentException("raw topic names must not be blank");
    }
  }

  public String nameOf(RawTopic topic) {
    return switch (topic) {
      case UAL -> ual;
      case SIGN_IN -> signIn;
    };
  }
}
