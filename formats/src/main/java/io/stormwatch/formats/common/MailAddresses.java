package io.stormwatch.formats.common;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses in the values Exchange records for recipients — {@code drop@proton.me}, {@code
 * smtp:drop@proton.me}, {@code "Drop" [SMTP:drop@proton.me]}, several joined with {@code ;} or
 * {@code ,} — and whether their domain is one of a tenant's.
 *
 * <p>A recipient written as a name or an alias ({@code Bob Smith}) is an object of the tenant's
 * address book; whether mail to it leaves the tenant (a mail contact does) cannot be read from the
 * record, so no address is found in it.
 */
public final class MailAddresses {

  private static final Pattern ADDRESS =
      Pattern.compile("(?i)(?:smtp:)?([a-z0-9._%+'&-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,})");

  private MailAddresses() {}

  /** The addresses in {@code value}, lower case and sorted; empty for null. */
  public static Set<String> in(String value) {
    Set<String> found = new TreeSet<>();
    if (value == null) {
      return found;
    }
    Matcher m = ADDRESS.matcher(value);
    while (m.find()) {
      found.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return found;
  }

  /** The domain of an address or UPN, lower case; null when there is none. */
  public static String domainOf(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    return at < 0 || at == address.length() - 1
        ? null
        : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether {@code address} is in one of {@code domains} (lower case) or a subdomain of one: {@code
   * eu.contoso.com} belongs to {@code contoso.com}.
   */
  public static boolean inDomains(String address, Collection<String> domains) {
    String domain = domainOf(address);
    if (domain == null) {
      return false;
    }
    for (String own : domains) {
      if (domain.equals(own) || domain.endsWith("." + own)) {
        return true;
      }
    }
    return false;
  }
}
