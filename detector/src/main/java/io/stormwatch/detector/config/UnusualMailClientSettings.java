package io.stormwatch.detector.config;

import java.time.Duration;
import java.util.Set;

/**
 * Parameters of the unusual-mail-client rule.
 *
 * @param enabled whether the rule runs
 * @param learningPeriod event time after an account's first event during which its clients are
 *     learned, not judged
 * @param maxTenantAccounts an application is rare when at most this many accounts of the tenant
 *     used it for mail before
 * @param extraAllowedApps client application ids never reported, lower case, on top of the shipped
 *     first-party list
 * @param maxAppsPerAccount clients remembered per account; the least recently used is forgotten
 */
public record UnusualMailClientSettings(
    boolean enabled,
    Duration learningPeriod,
    int maxTenantAccounts,
    Set<String> extraAllowedApps,
    int maxAppsPerAccount) {}
