package io.stormwatch.sim.event;

import io.stormwatch.sim.world.ClientProfile;

/**
 * How Entra describes the client of a sign-in.
 *
 * @param clientAppUsed {@code clientAppUsed}
 * @param userAgent {@code userAgent}
 * @param operatingSystem {@code deviceDetail.operatingSystem}
 * @param browser {@code deviceDetail.browser}
 * @param deviceId {@code deviceDetail.deviceId}; empty for unregistered devices
 */
public record ClientDevice(
    String clientAppUsed,
    String userAgent,
    String operatingSystem,
    String browser,
    String deviceId) {

  /** A server-side client with no device: a web app redeeming a code, a daemon. */
  public static final ClientDevice SERVER =
      new ClientDevice("Mobile Apps and Desktop clients", "", "", "", "");

  public static ClientDevice of(ClientProfile profile) {
    return new ClientDevice(
        profile.clientAppUsed(),
        profile.userAgent(),
        profile.operatingSystem(),
        profile.browser(),
        "");
  }

  public ClientDevice withDeviceId(String id) {
    return new ClientDevice(clientAppUsed, userAgent, operatingSystem, browser, id);
  }
}
