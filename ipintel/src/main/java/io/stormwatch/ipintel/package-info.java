/**
 * IP address intelligence for the normaliser: the autonomous system, its organisation and the
 * country of an IPv4 or IPv6 address.
 *
 * <p>{@link io.stormwatch.ipintel.IpIntelligence#loadBundled()} reads a compact copy of the
 * {@code @ip-location-db/asn} and {@code asn-country} data (DB-IP, RouteViews and NRO, CC BY 4.0;
 * see {@code ip-networks-NOTICE.txt} next to it); {@link
 * io.stormwatch.ipintel.IpIntelligence#of(java.util.Map)} builds small tables for tests. {@link
 * io.stormwatch.ipintel.IpLocationDbConverter} regenerates the bundled copy, driven by {@code
 * scripts/update-ipintel-data.sh}.
 */
package io.stormwatch.ipintel;
