/**
 * Writing simulations as recordings in Microsoft's file layouts: {@link
 * io.stormwatch.traffic.export.SimulationExporter} writes UAL records as JSON lines, content blobs
 * or a Purview CSV export, and sign-ins as JSON lines, Event Hub envelopes, Graph pages or a Log
 * Analytics export, plus the ground truth.
 */
package io.stormwatch.traffic.export;
