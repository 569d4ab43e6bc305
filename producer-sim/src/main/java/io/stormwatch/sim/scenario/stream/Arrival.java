package io.stormwatch.sim.scenario.stream;

import io.stormwatch.sim.scenario.event.StagedEvent;
import java.time.Instant;

/**
 * An event and when it reaches the pipeline.
 *
 * @param event what happened
 * @param arrivalTime when its record arrives
 */
public record Arrival(StagedEvent event, Instant arrivalTime) {}
