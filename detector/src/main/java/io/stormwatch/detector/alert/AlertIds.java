package io.stormwatch.detector.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Alert ids derived from the incident alone, so that replaying the same input at any speed, on any
 * machine, yields the same ids.
 */
public final class AlertIds {

  private AlertIds() {}

  /**
   * The id of the incident {@code incidentKey} of {@code ruleId} on one account: 32 hex digits of
   * SHA-256 over the parts.
   */
  public static String of(String ruleId, String tenantId, String accountId, String incidentKey) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    // A separator that cannot occur in the parts keeps ("a","bc") apart from ("ab","c").
    String joined = String.join("\u0000", ruleId, tenantId, accountId, incidentKey);
    byte[] digest = sha256.digest(joined.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }
}
