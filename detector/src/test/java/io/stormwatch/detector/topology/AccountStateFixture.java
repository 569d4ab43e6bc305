package io.stormwatch.detector.topology;

import io.stormwatch.detector.state.StateFixture;

/** An account's entry: its watermark and two rules' states, opaque here. */
public final class AccountStateFixture {

  private AccountStateFixture() {}

  public static StateFixture<AccountState> fixture() {
    return new StateFixture<>("account", AccountState.CODEC, AccountStateFixture::value);
  }

  static AccountState value() {
    AccountState state = new AccountState();
    state.watermark(1_772_442_600_000L);
    state.ruleState("token-replay", new byte[] {1, 0, 0, 1, -100, -90, 0, 0, 0});
    state.ruleState("mail-burst", new byte[] {1, 42});
    return state;
  }
}
