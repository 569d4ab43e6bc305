package io.stormwatch.sim.truth;

import io.stormwatch.sim.scenario.ScenarioType;

/**
 * An attack the settings asked for but the simulated period left no room for, e.g. when nobody in
 * the tenant works during the window after the warm-up.
 *
 * @param id the id it would have had
 * @param type the attack
 * @param tenantId the tenant
 * @param tenantName the tenant's name
 * @param reason why it could not be placed
 */
public record UnplacedAttack(
    String id, ScenarioType type, String tenantId, String tenantName, String reason) {}
