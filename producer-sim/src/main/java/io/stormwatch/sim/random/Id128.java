package io.stormwatch.sim.random;

import java.util.SplittableRandom;

/**
 * A 128-bit identifier drawn from a seeded stream, formatted on demand as a GUID or as an Entra
 * {@code uniqueTokenIdentifier}; kept as two longs so millions of them stay cheap.
 *
 * @param hi the most significant 64 bits
 * @param lo the least significant 64 bits
 */
public record Id128(long hi, long lo) {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  /** Draws a random version-4 GUID (the shape Microsoft's record ids and session ids have). */
  public static Id128 randomGuid(SplittableRandom rng) {
    long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new Id128(hi, lo);
  }

  /** Draws 16 random bytes, the payload of a token's {@code uti} claim. */
  public static Id128 randomBytes(SplittableRandom rng) {
    return new Id128(rng.nextLong(), rng.nextLong());
  }

  /** Lower-case GUID text, {@code 8-4-4-4-12}. */
  public String asGuid() {
    char[] out = new char[36];
    int p = 0;
    for (int i = 0; i < 32; i++) {
      if (i == 8 || i == 12 || i == 16 || i == 20) {
        out[p++] = '-';
      }
      long word = i < 16 ? hi : lo;
      int shift = 60 - 4 * (i % 16);
      out[p++] = HEX[(int) ((word >>> shift) & 0xF)];
    }
    return new String(out);
  }

  /** 22-character base64url of the 16 bytes without padding, as Entra prints a token's uti. */
  public String asUti() {
    char[] out = new char[22];
    int p = 0;
    // 16 bytes = 5 full 3-byte groups + 1 trailing byte (2 chars, no padding).
    for (int group = 0; group < 5; group++) {
      int b0 = byteAt(group * 3);
      int b1 = byteAt(group * 3 + 1);
      int b2 = byteAt(group * 3 + 2);
      out[p++] = BASE64URL[b0 >>> 2];
      out[p++] = BASE64URL[((b0 & 0x3) << 4) | (b1 >>> 4)];
      out[p++] = BASE64URL[((b1 & 0xF) << 2) | (b2 >>> 6)];
      out[p++] = BASE64URL[b2 & 0x3F];
    }
    int last = byteAt(15);
    out[p++] = BASE64URL[last >>> 2];
    out[p] = BASE64URL[(last & 0x3) << 4];
    return new String(out);
  }

  private int byteAt(int index) {
    long word = index < 8 ? hi : lo;
    return (int) ((word >>> (56 - 8 * (index % 8))) & 0xFF);
  }
}
