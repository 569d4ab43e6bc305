package io.stormwatch.formats.files;

import java.io.IOException;

/**
 * Yields the records of one file layout, one at a time, holding at most {@link
 * FileLimits#maxRecordBytes()} of any one record.
 */
interface RecordSource {

  /** Returns the next record, or null at the end of the file. */
  RawRecord next() throws IOException;

  /** Where reading has got to, as {@code file:line}. */
  String position();
}
