package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The mail domains of a tenant's own mailboxes, as its MailItemsAccessed records show them.
 *
 * <p>Only mailboxes of the tenant are audited in its log, so the domain of a MailItemsAccessed
 * record's {@code MailboxOwnerUPN} is one of the tenant's verified domains — unlike a sign-in's
 * user, who may be a guest signing in with a home address.
 */
final class MailDomains {

  /** Domains remembered per tenant; a tenant with more lists the rest in the rules' settings. */
  static final int MAX_DOMAINS = 32;

  final TreeSet<String> domains = new TreeSet<>();

  /** Learns from one of the tenant's events; returns whether anything changed. */
  boolean learn(AuditEvent event) {
    if (event.getKind() != EventKind.MAIL_ITEMS_ACCESSED) {
      return false;
    }
    String domain = domainOf(event.getMailboxOwner());
    return domain != null && domains.size() < MAX_DOMAINS && domains.add(domain);
  }

  List<String> domains() {
    return List.copyOf(domains);
  }

  private static String domainOf(String upn) {
    if (upn == null) {
      return null;
    }
    int at = upn.lastIndexOf('@');
    return at < 0 || at == upn.length() - 1 ? null : upn.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  static final StateCodec<MailDomains> CODEC =
      new BinaryStateCodec<>("mail domains", 1) {
        @Override
        protected void write(MailDomains audit, BinaryStateWriter out) {
          out.writeStrings(audit.domains);
        }

        @Override
        protected MailDomains read(BinaryStateReader in, int version) {
          MailDomains audit = new MailDomains();
          audit.domains.addAll(in.readStrings());
          return audit;
        }
      };
}
