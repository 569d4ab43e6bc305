/**
 * Recording the raw topics to a file that {@code stormwatch replay} reads back: {@link
 * io.stormwatch.traffic.record.RawTopicRecorder} captures a snapshot, {@link
 * io.stormwatch.traffic.record.RecordingWriter} writes it as JSON lines.
 */
package io.stormwatch.traffic.record;
