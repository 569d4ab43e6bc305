/**
 * Deterministic simulator of Microsoft 365 tenants for Stormwatch.
 *
 * <p>{@link io.stormwatch.sim.TenantSimulator} turns {@link io.stormwatch.sim.SimulationSettings}
 * into raw Unified Audit Log and Entra sign-in records ({@link io.stormwatch.sim.SimulatedRecord})
 * in event-time order, plus the ground truth of the attacks it injected. The work is split by
 * concept:
 *
 * <ul>
 *   <li>{@code world} — tenants, users and the real networks they connect from;
 *   <li>{@code behaviour} — when users work, which tokens Entra issues them, what they read;
 *   <li>{@code attack} — token replay, forged tokens and mass mail reads, placed among the users;
 *   <li>{@code event} — what happened, before it is written in Microsoft's formats;
 *   <li>{@code msformat} — writers of Microsoft's JSON records;
 *   <li>{@code engine} — merging everything into one time-ordered stream in bounded memory;
 *   <li>{@code truth} — the labels detectors are scored against;
 *   <li>{@code random} — seeded, independent random streams.
 * </ul>
 *
 * <p>Nothing here talks to Kafka: the {@code traffic} module publishes simulated records, exports
 * them in Microsoft's file layouts, records the raw topics and replays recordings.
 */
package io.stormwatch.sim;
