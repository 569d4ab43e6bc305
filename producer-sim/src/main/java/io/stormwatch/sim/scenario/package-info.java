/**
 * The labelled scenario library: attacks and benign traps played among simulated tenants, with
 * weeks of sparse history before them, for measuring detections.
 *
 * <p>{@link io.stormwatch.sim.scenario.ScenarioRun} turns {@link
 * io.stormwatch.sim.scenario.ScenarioSettings} (seed, {@link
 * io.stormwatch.sim.scenario.ScenarioSet}) into raw records in arrival order and a {@link
 * io.stormwatch.sim.scenario.ScenarioLabel} per scenario: which rules must fire on it, which may,
 * which accounts and event-time span it concerns and which records it consists of. The work is
 * split by concept:
 *
 * <ul>
 *   <li>{@code stage} — the simulated tenants, casting users into roles, their habits, how their
 *       sign-ins arrive;
 *   <li>{@code history} — weeks of sparse history so per-account rules have learnt;
 *   <li>{@code script} — one class per scenario type;
 *   <li>{@code stream} — merging, silencing and reordering into arrival order.
 * </ul>
 */
package io.stormwatch.sim.scenario;
