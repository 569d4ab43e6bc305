package io.stormwatch.sim.scenario;

/** Whether a scenario must be detected or must stay quiet. */
public enum ScenarioKind {
  /** Malicious activity, or a telemetry failure, that its required rules must report. */
  ATTACK,
  /** Benign activity of the kind that makes public rules noisy; no rule may fire on it. */
  BENIGN_TRAP
}
