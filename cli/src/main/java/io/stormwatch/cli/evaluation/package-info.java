/**
 * {@code stormwatch evaluate}: labelled scenarios through the real pipeline, scored per rule
 * (precision, recall, time to detect) and per scenario.
 */
package io.stormwatch.cli.evaluation;
