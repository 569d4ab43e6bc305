package io.stormwatch.sim.world;

/** The mail client a user works with, and how it shows up in sign-in and mailbox audit records. */
public enum ClientProfile {
  OUTLOOK_DESKTOP(
      FirstPartyApp.MICROSOFT_OFFICE,
      "Mobile Apps and Desktop clients",
      "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)",
      "Client=MSExchangeRPC",
      "Windows 10",
      ""),
  OWA_BROWSER(
      FirstPartyApp.ONE_OUTLOOK_WEB,
      "Browser",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      "Client=OWA;Action=ViaProxy",
      "Windows 10",
      "Edge 126.0.0"),
  OUTLOOK_MOBILE(
      FirstPartyApp.OUTLOOK_MOBILE,
      "Mobile Apps and Desktop clients",
      "Outlook-iOS/2.0",
      "Client=OutlookService;Outlook-iOS/2.0;",
      "Ios",
      "");

  private final FirstPartyApp app;
  private final String clientAppUsed;
  private final String userAgent;
  private final String clientInfoString;
  private final String operatingSystem;
  private final String browser;

  ClientProfile(
      FirstPartyApp app,
      String clientAppUsed,
      String userAgent,
      String clientInfoString,
      String operatingSystem,
      String browser) {
    this.app = app;
    this.clientAppUsed = clientAppUsed;
    this.userAgent = userAgent;
    this.clientInfoString = clientInfoString;
    this.operatingSystem = operatingSystem;
    this.browser = browser;
  }

  public FirstPartyApp app() {
    return app;
  }

  /** Entra's {@code clientAppUsed}. */
  public String clientAppUsed() {
    return clientAppUsed;
  }

  public String userAgent() {
    return userAgent;
  }

  /** Exchange's {@code ClientInfoString}. */
  public String clientInfoString() {
    return clientInfoString;
  }

  public String operatingSystem() {
    return operatingSystem;
  }

  public String browser() {
    return browser;
  }

  public boolean isMobile() {
    return this == OUTLOOK_MOBILE;
  }
}
