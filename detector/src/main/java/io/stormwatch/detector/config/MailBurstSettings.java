package io.stormwatch.detector.config;

import java.time.Duration;

/**
 * Parameters of the MailItemsAccessed burst rule.
 *
 * @param enabled whether the rule runs
 * @param window sliding window over which items (bind OperationCount plus synced folders) are
 *     summed
 * @param floorItems the sum must reach at least this many items, whatever the baseline
 * @param baselineMultiplier the sum must also exceed this multiple of the account's baseline
 * @param baselineWeight weight of the latest active hour in the account's moving baseline (0..1)
 * @param ownBaselineHours active hours an account needs before its own baseline replaces the
 *     tenant's peer baseline
 */
public record MailBurstSettings(
    boolean enabled,
    Duration window,
    long floorItems,
    double baselineMultiplier,
    double baselineWeight,
    int ownBaselineHours) {}
