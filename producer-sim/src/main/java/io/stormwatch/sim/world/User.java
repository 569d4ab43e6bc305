package io.stormwatch.sim.world;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A simulated mailbox user and the habits that drive their benign activity.
 *
 * @param tenant the user's organisation
 * @param index position within the tenant, 0-based
 * @param upn user principal name, lower case, {@code first.last@domain}
 * @param displayName the name as people write it
 * @param userId Entra object id
 * @param userKey the PUID Exchange prints as {@code UserKey}
 * @param sid the on-premises SID Exchange prints as {@code LogonUserSid}
 * @param mailboxGuid Exchange mailbox GUID
 * @param mailboxServer the Exchange Online server hosting the mailbox
 * @param country where the user lives (the tenant's country for most users)
 * @param zone the user's time zone
 * @param city where Entra geolocates the user's networks
 * @param workStart local time the working day starts
 * @param workLength length of the working day
 * @param client the mail client the user works with
 * @param readingBand the user's reading-volume band
 * @param itemsPerHour the user's typical mail items per active hour, inside the band
 * @param homeIsp the user's home broadband network
 * @param carrier the user's mobile carrier
 * @param seed the root of every random stream that belongs to this user
 */
public record User(
    Tenant tenant,
    int index,
    String upn,
    String displayName,
    String userId,
    String userKey,
    String sid,
    String mailboxGuid,
    String mailboxServer,
    Country country,
    ZoneId zone,
    City city,
    LocalTime workStart,
    Duration workLength,
    ClientProfile client,
    ReadingBand readingBand,
    int itemsPerHour,
    Network homeIsp,
    Network carrier,
    long seed) {

  /** Whether the user lives outside the tenant's country. */
  public boolean abroad() {
    return country != tenant.country();
  }

  /** The network the user's mail client normally connects from. */
  public Network usualNetwork() {
    return client.isMobile() ? carrier : homeIsp;
  }

  @Override
  public String toString() {
    return upn;
  }
}
