package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.world.User;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A part in a scenario: who may play it and the costume they wear.
 *
 * @param description what the part is, for error messages
 * @param eligible who may play it; every role also needs a full working day
 * @param costume habits the part needs, put on the chosen user
 */
public record Role(String description, Predicate<Candidate> eligible, UnaryOperator<User> costume) {

  /** Anyone with a full working day on the scenario day, as they are. */
  public static Role worker(String description) {
    return new Role(description, c -> true, UnaryOperator.identity());
  }

  /** This role, also requiring {@code condition}. */
  public Role requiring(Predicate<Candidate> condition) {
    return new Role(description, eligible.and(condition), costume);
  }

  /** This role, with {@code change} added to the costume. */
  public Role wearing(UnaryOperator<User> change) {
    return new Role(description, eligible, u -> change.apply(costume.apply(u)));
  }
}
