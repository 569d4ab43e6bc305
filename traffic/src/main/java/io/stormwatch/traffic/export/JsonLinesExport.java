package io.stormwatch.traffic.export;

import io.stormwatch.sim.SimulatedRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One record per line, exactly as Microsoft emits it. */
final class JsonLinesExport implements RecordFileWriter {
  private final Path file;
  private final OutputStream out;

  JsonLinesExport(Path file) throws IOException {
    this.file = file;
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
  }

  @Override
  public void write(SimulatedRecord record) throws IOException {
    out.write(record.json());
    out.write('\n');
  }

  @Override
  public List<Path> files() {
    return List.of(file);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
