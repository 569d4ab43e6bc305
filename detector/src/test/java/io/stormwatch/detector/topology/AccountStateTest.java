package io.stormwatch.detector.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.lateness.LatenessGate;
import org.junit.jupiter.api.Test;

class AccountStateTest {

  @Test
  void aNewAccountHasNoWatermarkAndNoRuleState() {
    AccountState state = AccountState.CODEC.decode(AccountState.CODEC.encode(new AccountState()));

    assertThat(state.watermark()).isEqualTo(LatenessGate.NO_WATERMARK);
    assertThat(state.ruleState("token-replay")).isNull();
  }

  @Test
  void keepsTheWatermarkAndEveryRulesStateByRuleId() {
    AccountState state = new AccountState();
    state.watermark(1_700_000_000_000L);
    state.ruleState("token-replay", new byte[] {1, 2, 3});
    state.ruleState("switched-off-rule", new byte[] {9});
    state.ruleState("mail-burst", new byte[] {4});
    state.ruleState("mail-burst", null);

    AccountState decoded = AccountState.CODEC.decode(AccountState.CODEC.encode(state));

    assertThat(decoded.watermark()).isEqualTo(1_700_000_000_000L);
    assertThat(decoded.ruleState("token-replay")).containsExactly(1, 2, 3);
    assertThat(decoded.ruleState("switched-off-rule")).containsExactly(9);
    assertThat(decoded.ruleState("mail-burst")).isNull();
  }

  @Test
  void encodesTheSameStateToTheSameBytes() {
    AccountState a = new AccountState();
    a.ruleState("b", new byte[] {2});
    a.ruleState("a", new byte[] {1});
    AccountState b = new AccountState();
    b.ruleState("a", new byte[] {1});
    b.ruleState("b", new byte[] {2});

    assertThat(AccountState.CODEC.encode(a)).isEqualTo(AccountState.CODEC.encode(b));
  }
}
