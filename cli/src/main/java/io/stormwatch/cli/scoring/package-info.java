/**
 * Scoring alerts against labelled scenarios, a pure function of both: which alerts are about which
 * scenario, each rule's true and false positives, false negatives and time to detect. The demo's
 * scoreboard and {@code stormwatch evaluate} use the same scorer.
 */
package io.stormwatch.cli.scoring;
