package io.stormwatch.sim.world;

import java.time.ZoneId;
import java.util.List;

/**
 * Home countries of simulated tenants and users: time zone, cities, personal names and the Exchange
 * Online region that hosts their mailboxes.
 */
public enum Country {
  US(
      "America/New_York",
      List.of(
          new City("New York", "New York", 40.7128, -74.006),
          new City("Boston", "Massachusetts", 42.3601, -71.0589),
          new City("Philadelphia", "Pennsylvania", 39.9526, -75.1652)),
      PersonNames.ENGLISH,
      List.of("CH3PR10MB", "SA1PR10MB", "BN8PR12MB"),
      "namprd10"),
  GB(
      "Europe/London",
      List.of(
          new City("London", "England", 51.5072, -0.1276),
          new City("Manchester", "England", 53.4808, -2.2426),
          new City("Bristol", "England", 51.4545, -2.5879)),
      PersonNames.ENGLISH,
      List.of("LO2P265MB", "CWLP265MB"),
      "GBRP265"),
  DE(
      "Europe/Berlin",
      List.of(
          new City("Berlin", "Berlin", 52.52, 13.405),
          new City("Munich", "Bavaria", 48.1351, 11.582),
          new City("Hamburg", "Hamburg", 53.5511, 9.9937)),
      PersonNames.GERMAN,
      List.of("FR2P281MB", "BE1P281MB"),
      "DEUP281"),
  FR(
      "Europe/Paris",
      List.of(
          new City("Paris", "Ile-de-France", 48.8566, 2.3522),
          new City("Lyon", "Auvergne-Rhone-Alpes", 45.764, 4.8357),
          new City("Toulouse", "Occitanie", 43.6047, 1.4442)),
      PersonNames.FRENCH,
      List.of("PR0P264MB", "PA4P264MB"),
      "FRAP264"),
  JP(
      "Asia/Tokyo",
      List.of(
          new City("Tokyo", "Tokyo", 35.6762, 139.6503),
          new City("Osaka", "Osaka", 34.6937, 135.5023),
          new City("Yokohama", "Kanagawa", 35.4437, 139.638)),
      PersonNames.JAPANESE,
      List.of("TYCPR01MB", "OS3PR01MB"),
      "jpnprd01"),
  AU(
      "Australia/Sydney",
      List.of(
          new City("Sydney", "New South Wales", -33.8688, 151.2093),
          new City("Melbourne", "Victoria", -37.8136, 144.9631),
          new City("Canberra", "Australian Capital Territory", -35.2809, 149.13)),
      PersonNames.ENGLISH,
      List.of("SY4PR01MB", "ME3PR01MB"),
      "ausprd01");

  private final ZoneId zone;
  private final List<City> cities;
  private final PersonNames names;
  private final List<String> mailboxServerPrefixes;
  private final String exchangeRegion;

  Country(
      String zone,
      List<City> cities,
      PersonNames names,
      List<String> mailboxServerPrefixes,
      String exchangeRegion) {
    this.zone = ZoneId.of(zone);
    this.cities = cities;
    this.names = names;
    this.mailboxServerPrefixes = mailboxServerPrefixes;
    this.exchangeRegion = exchangeRegion;
  }

  public ZoneId zone() {
    return zone;
  }

  public List<City> cities() {
    return cities;
  }

  public PersonNames names() {
    return names;
  }

  /** Exchange Online mailbox server name stems in this country's datacentre region. */
  public List<String> mailboxServerPrefixes() {
    return mailboxServerPrefixes;
  }

  /** The region label inside Exchange Online host names, e.g. {@code namprd10}. */
  public String exchangeRegion() {
    return exchangeRegion;
  }
}
