/**
 * {@code stormwatch evaluate}: labelled scenarios through the real pipeline, and the pure scoring
 * of alerts against their labels (precision, recall, time to detect per rule).
 */
package io.stormwatch.cli.evaluation;
