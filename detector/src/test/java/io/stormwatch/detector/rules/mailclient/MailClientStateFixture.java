package io.stormwatch.detector.rules.mailclient;

import io.stormwatch.detector.state.StateFixture;

/** An account's mail clients: two, one of them used recently. */
public final class MailClientStateFixture {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z

  private MailClientStateFixture() {}

  public static StateFixture<MailClientState> fixture() {
    return new StateFixture<>(
        "unusual-mail-client", MailClientState.CODEC, MailClientStateFixture::value);
  }

  static MailClientState value() {
    MailClientState state = new MailClientState();
    state.firstSeen = T - 20L * 86_400_000;
    state.lastUsed.put("d3590ed6-52b3-4102-aeff-aad2292ab01c", T);
    state.lastUsed.put("5d661950-3475-41cd-a2c3-d671a3162bc1", T - 3_600_000);
    return state;
  }
}
