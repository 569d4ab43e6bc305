package io.stormwatch.sim.scenario.stream;

import io.stormwatch.sim.event.SimEvent;
import java.time.Instant;

/**
 * An event and when it reaches the pipeline.
 *
 * @param event what happened
 * @param arrivalTime when its record arrives
 */
public record Arrival(SimEvent event, Instant arrivalTime) {}
