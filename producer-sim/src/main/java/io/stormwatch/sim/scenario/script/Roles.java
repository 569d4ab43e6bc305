package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.scenario.stage.Costumes;
import io.stormwatch.sim.scenario.stage.Role;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.User;

/** Parts several scenarios cast. */
final class Roles {

  private Roles() {}

  /** Someone working on a laptop at home: a phone user is given classic Outlook instead. */
  static Role laptopWorker(String description) {
    return Role.worker(description)
        .wearing(
            u -> u.client().isMobile() ? Costumes.withClient(u, ClientProfile.OUTLOOK_DESKTOP) : u);
  }

  /** Someone working with classic Outlook for Windows. */
  static Role outlookDesktopWorker(String description) {
    return Role.worker(description)
        .wearing(u -> Costumes.withClient(u, ClientProfile.OUTLOOK_DESKTOP));
  }

  /** Someone reading mail on Outlook for iOS. */
  static Role phoneWorker(String description) {
    return Role.worker(description)
        .wearing(u -> Costumes.withClient(u, ClientProfile.OUTLOOK_MOBILE));
  }

  /** A rate within {@code [low, high]} that depends only on the user, for costumes. */
  static int rateFor(User user, int low, int high) {
    return low + (int) Math.floorMod(user.seed(), (long) (high - low + 1));
  }
}
