package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.scenario.ScenarioType;

/**
 * How one scenario instance plays out. A script is used once: {@link #cast} picks its actors and
 * declares the habits their history must show (before the history is generated), {@link #perform}
 * then writes what happens on the scenario day.
 */
public interface ScenarioScript {

  ScenarioType type();

  /** Users the script casts in its tenant. */
  int actorCount();

  /** Chooses the actors and declares their habits and the tenant's feed. */
  void cast(CastingCall call);

  /** Writes the scenario's events and what its label says. */
  Scene perform(Performance performance);
}
