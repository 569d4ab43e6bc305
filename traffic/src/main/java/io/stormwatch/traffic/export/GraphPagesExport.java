package io.stormwatch.traffic.export;

import io.stormwatch.sim.SimulatedRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Microsoft Graph {@code GET /beta/auditLogs/signIns} responses, one page per line: {@code
 * {"@odata.context":...,"value":[signIn,...],"@odata.nextLink":...}}, {@value #PAGE_SIZE} sign-ins
 * a page, newest first as Graph lists them.
 */
final class GraphPagesExport implements RecordFileWriter {
  static final int PAGE_SIZE = 1000;

  private static final String CONTEXT =
      "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns";
  private static final String NEXT_LINK =
      "https://graph.microsoft.com/beta/auditLogs/signIns?$top=" + PAGE_SIZE + "&$skiptoken=";

  private final Path file;
  private final NewestFirstSpool signIns;
  private final SignInShapes shapes = new SignInShapes();

  GraphPagesExport(Path file, long memoryBudget, Path spillDirectory) {
    this.file = file;
    this.signIns = new NewestFirstSpool(memoryBudget, spillDirectory);
  }

  @Override
  public void write(SimulatedRecord record) throws IOException {
    signIns.add(shapes.graphSignIn(record.json()));
  }

  @Override
  public List<Path> files() {
    return List.of(file);
  }

  @Override
  public void close() throws IOException {
    try (signIns;
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024)) {
      Iterator<byte[]> newestFirst = signIns.newestFirst();
      int page = 0;
      while (newestFirst.hasNext()) {
        page++;
        out.write(ascii("{\"@odata.context\":\"" + CONTEXT + "\",\"value\":["));
        for (int i = 0; i < PAGE_SIZE && newestFirst.hasNext(); i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write(newestFirst.next());
        }
        out.write(']');
        if (newestFirst.hasNext()) {
          out.write(ascii(",\"@odata.nextLink\":\"" + NEXT_LINK + "page" + (page + 1) + "\""));
        }
        out.write(ascii("}\n"));
      }
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
