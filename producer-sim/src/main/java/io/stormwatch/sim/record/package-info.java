/**
 * Recording the raw topics to a file that {@code stormwatch replay} reads back: {@link
 * io.stormwatch.sim.record.RawTopicRecorder} captures a snapshot, {@link
 * io.stormwatch.sim.record.RecordingWriter} writes it as JSON lines.
 */
package io.stormwatch.sim.record;
