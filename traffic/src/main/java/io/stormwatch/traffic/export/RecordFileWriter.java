package io.stormwatch.traffic.export;

import io.stormwatch.sim.SimulatedRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes one log's records, given in event-time order, into files of one layout. */
interface RecordFileWriter extends Closeable {

  void write(SimulatedRecord record) throws IOException;

  /** The files written to so far; their content is complete once the writer is closed. */
  List<Path> files();
}
