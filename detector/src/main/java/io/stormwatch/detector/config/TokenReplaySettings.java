package io.stormwatch.detector.config;

import java.time.Duration;
import java.util.Set;

/**
 * Parameters of the token-replay rule.
 *
 * @param enabled whether the rule runs
 * @param window how long a token's uses are remembered, in event time (covers a token's lifetime)
 * @param minDistinctIps distinct client IPs a token must be seen from to fire
 * @param minDistinctAsns distinct networks (autonomous systems, ignored ones not counted) to fire
 * @param ignoredAsns networks never counted, e.g. Microsoft's own egress (AS8075)
 * @param maxTokensPerAccount tokens remembered per account; the least recently used is forgotten
 * @param tenantNetworkAccounts an ASN from which at least this many accounts of the tenant signed
 *     in interactively is one of the tenant's own networks (an office, a corporate VPN): never
 *     foreign
 * @param knownNetworksPerAccount networks (ASNs) remembered per account
 * @param networkEstablishedAfter a network the account has used for this long (without a replay
 *     alert) is its own
 * @param minTravelBetweenCountries uses of one token in two countries closer in time than this are
 *     impossible travel
 */
public record TokenReplaySettings(
    boolean enabled,
    Duration window,
    int minDistinctIps,
    int minDistinctAsns,
    Set<Long> ignoredAsns,
    int maxTokensPerAccount,
    int tenantNetworkAccounts,
    int knownNetworksPerAccount,
    Duration networkEstablishedAfter,
    Duration minTravelBetweenCountries) {}
