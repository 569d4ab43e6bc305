package io.stormwatch.formats.files;

import java.io.IOException;

/** Yields the records of one file layout, one at a time. */
interface RecordSource {
  /** Up to this many bytes are held for one record; a larger one is yielded in UNKNOWN pieces. */
  int MAX_RECORD_BYTES = 16 * 1024 * 1024;

  /** Returns the next record, or null at the end of the file. */
  RawRecord next() throws IOException;
}
