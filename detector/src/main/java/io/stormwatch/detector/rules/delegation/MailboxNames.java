package io.stormwatch.detector.rules.delegation;

import java.util.Locale;

/**
 * How mailboxes and delegates are named across records: a MailItemsAccessed record names them by
 * UPN, an Exchange cmdlet by whatever identity the admin typed (a UPN, an alias, a distinguished
 * path such as {@code NAMPR…/contoso.onmicrosoft.com/adele}), a folder by {@code mailbox:\folder}.
 * A name is the UPN when there is one, else the last segment of the path, lower case; a UPN also
 * answers to its local part, which is what an alias usually is.
 */
final class MailboxNames {

  /** The delegate that stands for everyone in the organisation (and for anonymous users). */
  static final String EVERYONE = "default";

  private MailboxNames() {}

  /** The name of the mailbox a grant's target names: the part before {@code :\folder}. */
  static String mailboxOf(String target) {
    int folder = target.indexOf(":\\");
    return nameOf(folder < 0 ? target : target.substring(0, folder));
  }

  /** The folder path of a folder grant's target ({@code inbox}, {@code calendar\team}), or null. */
  static String folderOf(String target) {
    int folder = target.indexOf(":\\");
    return folder < 0 ? null : target.substring(folder + 2);
  }

  /** A grantee's or mailbox's name; {@code anonymous} and {@code default} both mean everyone. */
  static String nameOf(String identity) {
    String name = identity.strip().toLowerCase(Locale.ROOT);
    if (!name.contains("@")) {
      int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
      name = slash < 0 ? name : name.substring(slash + 1);
    }
    if (name.equals("anonymous")
        || name.equals("default@local")
        || name.equals("anonymous@local")) {
      return EVERYONE;
    }
    return name;
  }

  /** The local part of a UPN ({@code adele.vance}), or the name itself. */
  static String localPartOf(String name) {
    int at = name.indexOf('@');
    return at < 0 ? name : name.substring(0, at);
  }

  /** Whether a name from a grant ({@code mailbox}) names the account {@code upn}. */
  static boolean names(String name, String upn) {
    return name.equals(upn) || name.equals(localPartOf(upn));
  }
}
