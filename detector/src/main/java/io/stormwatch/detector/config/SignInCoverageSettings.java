package io.stormwatch.detector.config;

import java.time.Duration;

/**
 * Parameters of the sign-in coverage-gap rule.
 *
 * @param enabled whether the rule runs
 * @param silence how long a tenant's sign-in feed may be silent, while its token uses go on and at
 *     hours it usually has sign-ins, before the tenant is reported as a coverage gap (and its
 *     unverifiable uses are not reported one by one)
 * @param idleReset a tenant without token use for this long starts its silence clock afresh
 */
public record SignInCoverageSettings(boolean enabled, Duration silence, Duration idleReset) {}
