/**
 * Streaming readers of recorded audit files for replay: {@link
 * io.stormwatch.formats.files.AuditFileReader} detects the layout and yields {@link
 * io.stormwatch.formats.files.RawRecord}s with the bytes each record had in the file.
 */
package io.stormwatch.formats.files;
