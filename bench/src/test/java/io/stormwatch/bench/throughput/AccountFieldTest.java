package io.stormwatch.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccountFieldTest {

  private static final byte[] TENANT = bytes("96f39d00-01aa-4987-8a13-dedf928f4609");

  @Test
  void keysAUalRecordByTenantAndLowerCaseUserId() {
    byte[] ual =
        bytes(
            "{\"AppAccessContext\":{\"ClientAppId\":\"x\"},\"Id\":\"1\","
                + "\"UserId\":\"Thomas.Smith@Fabrikam.com\",\"Folders\":[]}");

    assertThat(AccountField.UAL_USER_ID.accountKey(TENANT, ual))
        .isEqualTo("96f39d00-01aa-4987-8a13-dedf928f4609/thomas.smith@fabrikam.com");
  }

  @Test
  void keysASignInByItsUserPrincipalName() {
    byte[] signIn =
        bytes("{\"time\":\"t\",\"properties\":{\"id\":\"9\",\"userPrincipalName\":\"a@b.com\"}}");

    assertThat(AccountField.SIGN_IN_UPN.accountKey(TENANT, signIn))
        .isEqualTo("96f39d00-01aa-4987-8a13-dedf928f4609/a@b.com");
  }

  @Test
  void aRecordWithoutTheFieldHasNoKey() {
    assertThat(AccountField.UAL_USER_ID.accountKey(TENANT, bytes("{\"Id\":\"1\"}"))).isNull();
    assertThat(AccountField.UAL_USER_ID.accountKey(TENANT, bytes("{\"UserId\":\"unterminated")))
        .isNull();
    assertThat(AccountField.UAL_USER_ID.accountKey(null, bytes("{\"UserId\":\"a\"}"))).isNull();
    assertThat(AccountField.UAL_USER_ID.accountKey(TENANT, null)).isNull();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
