/**
 * Deterministic simulator of Microsoft 365 tenants for Stormwatch: one model of tenants, users,
 * events and labelled scenarios behind the demo's tenants and the scenario library.
 *
 * <p>{@link io.stormwatch.sim.TenantSimulator} (the demo's tenants) turns {@link
 * io.stormwatch.sim.SimulationSettings} into raw Unified Audit Log and Entra sign-in records
 * ({@link io.stormwatch.sim.SimulatedRecord}) in event-time order, plus the ground truth of the
 * attacks it placed; {@link io.stormwatch.sim.scenario.ScenarioRun} plays the scenario library
 * among tenants with weeks of history. The work is split by concept:
 *
 * <ul>
 *   <li>{@code world} — tenants, users and the real networks they connect from;
 *   <li>{@code behaviour} — when users work, which tokens Entra issues them, what they read;
 *   <li>{@code scenario} — labelled attacks and benign traps, as scripts;
 *   <li>{@code attack} — the demo's attacks: the library's attack scripts placed among the users;
 *   <li>{@code event} — what happened, one event per Microsoft record, before it is written;
 *   <li>{@code msformat} — one writer per Microsoft record type;
 *   <li>{@code engine} — merging everything into one time-ordered stream in bounded memory;
 *   <li>{@code truth} — the labels detectors are scored against;
 *   <li>{@code random} — seeded, independent random streams.
 * </ul>
 *
 * <p>Nothing here talks to Kafka: the {@code traffic} module publishes simulated records, exports
 * them in Microsoft's file layouts, records the raw topics and replays recordings.
 */
package io.stormwatch.sim;
