package io.stormwatch.detector.normalise;

import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.ipintel.Network;
import io.stormwatch.schemas.avro.AuditEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * Fills an event's autonomous system, organisation and country from the IP database where the
 * record did not carry them. Values the record carries (sign-ins have an ASN and a country) win.
 */
public final class NetworkEnricher {

  private final IpIntelligence ipIntelligence;

  public NetworkEnricher(IpIntelligence ipIntelligence) {
    this.ipIntelligence = ipIntelligence;
  }

  /** Completes {@code event} in place and returns it. */
  public AuditEvent enrich(AuditEvent event) {
    String ip = event.getClientIp();
    boolean complete =
        event.getAsn() != null && event.getCountry() != null && event.getAsOrganisation() != null;
    if (ip == null || complete) {
      return event;
    }
    Optional<Network> found = ipIntelligence.lookup(ip);
    if (found.isEmpty()) {
      return event;
    }
    Network network = found.get();
    if (event.getAsn() == null && network.hasAsn()) {
      event.setAsn(network.asn());
    }
    // An organisation name belongs to its ASN: only take it when the ASNs agree.
    if (event.getAsOrganisation() == null && Objects.equals(event.getAsn(), network.asn())) {
      event.setAsOrganisation(network.organisation());
    }
    if (event.getCountry() == null && network.hasCountry()) {
      event.setCountry(network.country());
    }
    return event;
  }
}
