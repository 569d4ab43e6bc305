package io.stormwatch.traffic.export;

import io.stormwatch.sim.SimulatedRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Log Analytics export of {@code SigninLogs} and {@code AADNonInteractiveUserSignInLogs}: one
 * JSON array of rows, one row per line, as {@code az monitor log-analytics query} prints them.
 */
final class LogAnalyticsExport implements RecordFileWriter {
  private final Path file;
  private final OutputStream out;
  private final SignInShapes shapes = new SignInShapes();
  private boolean first = true;

  LogAnalyticsExport(Path file) throws IOException {
    this.file = file;
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
    out.write('[');
  }

  @Override
  public void write(SimulatedRecord record) throws IOException {
    out.write(first ? '\n' : ',');
    if (!first) {
      out.write('\n');
    }
    out.write(shapes.logAnalyticsRow(record.json()));
    first = false;
  }

  @Override
  public List<Path> files() {
    return List.of(file);
  }

  @Override
  public void close() throws IOException {
    out.write('\n');
    out.write(']');
    out.write('\n');
    out.close();
  }
}
