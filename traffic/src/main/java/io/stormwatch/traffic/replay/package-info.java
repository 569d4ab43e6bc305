/**
 * Replaying recorded audit files to the raw topics: {@link io.stormwatch.traffic.replay.Replayer}
 * reads any layout the file reader detects, sorts by event time across files in bounded memory,
 * paces to a {@link io.stormwatch.traffic.replay.ReplaySpeed} and accounts for every record in a
 * {@link io.stormwatch.traffic.replay.ReplayReport}.
 */
package io.stormwatch.traffic.replay;
