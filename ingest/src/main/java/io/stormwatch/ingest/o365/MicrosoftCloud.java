package io.stormwatch.ingest.o365;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Microsoft 365 clouds and where their Management Activity API and login endpoints are, as the
 * API reference lists them (Enterprise, GCC, GCC High, DoD plans).
 */
public enum MicrosoftCloud {
  COMMERCIAL("commercial", "https://manage.office.com", "https://login.microsoftonline.com"),
  GCC("gcc", "https://manage-gcc.office.com", "https://login.microsoftonline.com"),
  GCC_HIGH("gcc-high", "https://manage.office365.us", "https://login.microsoftonline.us"),
  DOD("dod", "https://manage.protection.apps.mil", "https://login.microsoftonline.us");

  private final String id;
  private final URI apiRoot;
  private final URI loginAuthority;

  MicrosoftCloud(String id, String apiRoot, String loginAuthority) {
    this.id = id;
    this.apiRoot = URI.create(apiRoot);
    this.loginAuthority = URI.create(loginAuthority);
  }

  /** The name used in configuration, e.g. {@code gcc-high}. */
  public String id() {
    return id;
  }

  /** The API's root; also the resource tokens are requested for. */
  public URI apiRoot() {
    return apiRoot;
  }

  public URI loginAuthority() {
    return loginAuthority;
  }

  /**
   * The cloud named {@code id}.
   *
   * @throws IllegalArgumentException naming the clouds there are
   */
  public static MicrosoftCloud byId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(cloud -> cloud.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("unknown cloud '" + id + "'; one of " + ids()));
  }

  /** Every cloud's id, comma-separated. */
  public static String ids() {
    return Arrays.stream(values()).map(MicrosoftCloud::id).collect(Collectors.joining(", "));
  }
}
