package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.ReadingBand;
import io.stormwatch.sim.world.User;

/**
 * Changes a user's habits so that they fit a scenario's role, keeping everything else (seed, names,
 * networks, working hours): a role that needs a phone user makes its actor one, instead of hoping
 * the population holds one.
 */
public final class Costumes {

  private Costumes() {}

  public static User withClient(User user, ClientProfile client) {
    if (user.client() == client) {
      return user;
    }
    return new User(
        user.tenant(),
        user.index(),
        user.upn(),
        user.displayName(),
        user.userId(),
        user.userKey(),
        user.sid(),
        user.mailboxGuid(),
        user.mailboxServer(),
        user.country(),
        user.zone(),
        user.city(),
        user.workStart(),
        user.workLength(),
        client,
        user.readingBand(),
        user.itemsPerHour(),
        user.homeIsp(),
        user.carrier(),
        user.seed());
  }

  /**
   * @throws IllegalArgumentException if the rate is outside the band
   */
  public static User withReading(User user, ReadingBand band, int itemsPerHour) {
    if (itemsPerHour < band.minItemsPerHour() || itemsPerHour > band.maxItemsPerHour()) {
      throw new IllegalArgumentException(itemsPerHour + " items an hour is outside " + band);
    }
    return new User(
        user.tenant(),
        user.index(),
        user.upn(),
        user.displayName(),
        user.userId(),
        user.userKey(),
        user.sid(),
        user.mailboxGuid(),
        user.mailboxServer(),
        user.country(),
        user.zone(),
        user.city(),
        user.workStart(),
        user.workLength(),
        user.client(),
        band,
        itemsPerHour,
        user.homeIsp(),
        user.carrier(),
        user.seed());
  }
}
