/**
 * Merges every user's events and the attack events into one stream in non-decreasing event time,
 * one time slice at a time.
 */
package io.stormwatch.sim.engine;
