/**
 * What happens in the simulated tenants, one event per raw Microsoft record, before the writers of
 * {@code msformat} write it in Microsoft's format.
 */
package io.stormwatch.sim.event;
