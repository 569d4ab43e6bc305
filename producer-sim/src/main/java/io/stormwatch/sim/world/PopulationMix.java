package io.stormwatch.sim.world;

/**
 * Shares of users with each trait in every tenant.
 *
 * @param heavyReaderShare share of heavy readers; {@code round(share * users)} per tenant
 * @param mobileShare probability that a user works with Outlook Mobile
 * @param owaShare probability that a user works with Outlook on the web (the rest use desktop)
 * @param abroadShare probability that a user lives in another country than the tenant
 */
public record PopulationMix(
    double heavyReaderShare, double mobileShare, double owaShare, double abroadShare) {

  /**
   * @throws IllegalArgumentException if a share is outside 0..1 or mobile and OWA exceed 1 together
   */
  public PopulationMix {
    requireShare("heavyReaderShare", heavyReaderShare);
    requireShare("mobileShare", mobileShare);
    requireShare("owaShare", owaShare);
    requireShare("abroadShare", abroadShare);
    if (mobileShare + owaShare > 1.0) {
      throw new IllegalArgumentException(
          "mobileShare + owaShare must not exceed 1 (the rest use Outlook desktop), was "
              + (mobileShare + owaShare));
    }
  }

  private static void requireShare(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
  }
}
