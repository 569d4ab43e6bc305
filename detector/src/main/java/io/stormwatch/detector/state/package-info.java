/**
 * How the detector's state is stored: every value it keeps in a state store, and so in that store's
 * changelog topic, is the encoding of one {@link io.stormwatch.detector.state.StateCodec}.
 *
 * <p>The versioning rule. An encoding starts with its format version. A change of layout — a field
 * added, removed, widened or moved — is a new version: the codec writes the new layout only, and
 * its decoder goes on reading every version it has ever written, filling what an earlier version
 * lacks with what the state would have held then. An upgrade therefore keeps baselines, open
 * incidents and pending checks; only a downgrade, whose decoder meets a version it does not know,
 * stops with a message naming the state. Each state type's bytes in each version are checked in
 * under {@code src/test/resources/state/} and read back by {@code StateFormatTest}: a new version
 * adds its file and keeps the earlier ones.
 *
 * <p>Version 1 of every layout is the one Stormwatch 83df6af wrote. Layouts before it were never
 * released, carried version 1 as well, and cannot be told apart from it: they are not read. Store
 * names and keys are part of the stored state too (see {@code StormwatchTopologyTest}). The two
 * window stores keep a bare timestamp in Kafka's own {@code Long} serde: a format that is not
 * Stormwatch's to change.
 */
package io.stormwatch.detector.state;
