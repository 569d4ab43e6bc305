package io.stormwatch.bench.throughput;

import java.nio.charset.StandardCharsets;

/**
 * Finds the account in a raw record the cheapest honest way: a byte search for one JSON field name
 * and its string value, without parsing the record. It assumes what the simulator writes and
 * Microsoft emits in practice (the name appears once before any nested object with the same name,
 * the value has no escapes); the floor only needs a key to count by, not a validated event.
 */
public final class AccountField {

  /** The account of a Unified Audit Log record. */
  public static final AccountField UAL_USER_ID = new AccountField("UserId");

  /** The account of an Entra sign-in record. */
  public static final AccountField SIGN_IN_UPN = new AccountField("userPrincipalName");

  private final byte[] needle;

  private AccountField(String fieldName) {
    this.needle = ("\"" + fieldName + "\":\"").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The key {@code tenant/account} (account in lower case, as the pipeline keys it), or null when
   * the field is not found.
   */
  public String accountKey(byte[] tenant, byte[] json) {
    if (tenant == null || json == null) {
      return null;
    }
    int start = indexOf(json, needle);
    if (start < 0) {
      return null;
    }
    start += needle.length;
    int end = start;
    while (end < json.length && json[end] != '"') {
      end++;
    }
    if (end == json.length) {
      return null;
    }
    byte[] key = new byte[tenant.length + 1 + end - start];
    System.arraycopy(tenant, 0, key, 0, tenant.length);
    key[tenant.length] = '/';
    for (int i = start, k = tenant.length + 1; i < end; i++, k++) {
      byte b = json[i];
      key[k] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
    return new String(key, StandardCharsets.UTF_8);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    byte first = needle[0];
    int last = haystack.length - needle.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (haystack[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
