package io.stormwatch.cli.chaos;

import java.time.Duration;
import java.util.Optional;

/**
 * What one fault of a chaos run did.
 *
 * @param number the fault's place in the plan, from 1
 * @param fault the fault
 * @param progress fraction of the input the detectors had committed when it was applied
 * @param subject what it was applied to, for people: an instance and its pids, or the broker
 * @param disturbed the tasks whose recovery was timed, for people
 * @param recovery from the fault until what it disturbed committed again (or, for a join, until the
 *     new instance was a member of the group); empty when it disturbed no task
 */
public record FaultOutcome(
    int number,
    Fault fault,
    double progress,
    String subject,
    String disturbed,
    Optional<Duration> recovery) {}
