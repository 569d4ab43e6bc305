package io.stormwatch.detector.config;

import java.time.Duration;

/**
 * Parameters of the orphan-token rule.
 *
 * @param enabled whether the rule runs
 * @param lookback how long before a use its token or session may have been issued
 * @param grace how long after a use (in the tenant's event time) its check waits for a late sign-in
 * @param quietPeriod an account's orphan incident closes after this long without another orphan use
 * @param maxWait a use is judged at the latest this long after it, even before the tenant's sign-in
 *     feed has reached its time
 * @param maxSignInSilence a stretch this long without any sign-in of the tenant, at hours it
 *     usually has sign-ins, is a feed outage: uses of tokens that may have been issued in it get no
 *     verdict
 */
public record OrphanTokenSettings(
    boolean enabled,
    Duration lookback,
    Duration grace,
    Duration quietPeriod,
    Duration maxWait,
    Duration maxSignInSilence) {}
