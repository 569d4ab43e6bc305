package io.stormwatch.sim.msformat;

import io.stormwatch.sim.random.Seeds;
import java.util.SplittableRandom;

/**
 * Opaque Exchange identifiers for folders and items: random base64 of realistic length and prefix,
 * drawn from a seeded stream.
 */
public final class ExchangeItemIds {

  private static final char[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
  private static final int FOLDER_ID_LENGTH = 64;
  private static final int ITEM_ID_LENGTH = 72;

  private ExchangeItemIds() {}

  /** The same mailbox folder always gets the same id. */
  public static String folderId(long mailboxSeed, int folderIndex) {
    SplittableRandom rng = Seeds.stream(mailboxSeed, 0x0F01DE5L, folderIndex);
    return base64("LgAAAAA", FOLDER_ID_LENGTH, rng);
  }

  public static String itemId(SplittableRandom rng) {
    return base64("RgAAAAA", ITEM_ID_LENGTH, rng);
  }

  /** {@code <32 hex digits@SERVER.region.prod.outlook.com>}, the shape Exchange Online mints. */
  public static String internetMessageId(SplittableRandom rng, String server, String region) {
    StringBuilder out = new StringBuilder(80);
    out.append('<').append(server);
    long hi = rng.nextLong();
    long lo = rng.nextLong();
    for (int i = 0; i < 32; i++) {
      long word = i < 16 ? hi : lo;
      out.append(HEX_UPPER[(int) ((word >>> (60 - 4 * (i % 16))) & 0xF)]);
    }
    return out.append('@')
        .append(server)
        .append('.')
        .append(region)
        .append(".prod.outlook.com>")
        .toString();
  }

  private static String base64(String prefix, int length, SplittableRandom rng) {
    char[] out = new char[length];
    prefix.getChars(0, prefix.length(), out, 0);
    long bits = 0;
    int bitsLeft = 0;
    for (int i = prefix.length(); i < length; i++) {
      if (bitsLeft < 6) {
        bits = rng.nextLong();
        bitsLeft = 64;
      }
      out[i] = BASE64[(int) (bits & 0x3F)];
      bits >>>= 6;
      bitsLeft -= 6;
    }
    return new String(out);
  }
}
