package io.stormwatch.sim.attack;

import java.util.List;

/** The attacks the simulator can inject, with the MITRE ATT&CK techniques they exercise. */
public enum AttackType {
  /**
   * A stolen access token replayed from a VPS while its owner keeps using it from home: same uti,
   * same session, same first-party app, small volume.
   */
  TOKEN_REPLAY("token-replay", List.of("T1550.001", "T1528")),
  /**
   * Mailbox access with a token no sign-in issued (Storm-0558's forged tokens): fresh uti, no or an
   * unknown session, an app the tenant never uses, then bulk reads through a REST client.
   */
  FORGED_TOKEN("forged-token", List.of("T1606", "T1550.001")),
  /**
   * Bulk collection through the victim's own session, token and network (a compromised device or an
   * insider): thousands of items within the hour.
   */
  MASS_MAIL_READ("mass-mail-read", List.of("T1114.002"));

  private final String slug;
  private final List<String> techniques;

  AttackType(String slug, List<String> techniques) {
    this.slug = slug;
    this.techniques = techniques;
  }

  /** Lower-case label used in attack ids, e.g. {@code token-replay}. */
  public String slug() {
    return slug;
  }

  /** ATT&CK technique ids, most specific first. */
  public List<String> techniques() {
    return techniques;
  }
}
