package io.stormwatch.formats.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a content blob far larger than the heap it is given, in a child JVM, to prove the reader
 * streams: a reader that loaded the file would fail there with OutOfMemoryError.
 */
class LargeFileReadingTest {
  private static final int RECORDS = 200_000;
  private static final String CHILD_HEAP = "-Xmx32m";

  @TempDir Path directory;

  @Test
  void readsTwoHundredThousandRecordsOfAGzipContentBlobInA32MebibyteHeap() throws Exception {
    Path blob = directory.resolve("content-blob.json.gz");
    long uncompressedBytes = writeContentBlob(blob);
    assertThat(uncompressedBytes)
        .as("the blob must not fit the child's heap")
        .isGreaterThan(64L << 20);

    String output = runChild(blob, CHILD_HEAP);

    assertThat(output.strip()).isEqualTo("records=200000 unified=200000 unknown=0 routable=200000");
  }

  @Test
  void readsPastALineOf128MebibytesAndAGzipBombInA64MebibyteHeap() throws Exception {
    byte[] good = (record(1) + "\n").getBytes(UTF_8);
    Path longLine = directory.resolve("long-line.jsonl");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(longLine), 1 << 16)) {
      out.write(good);
      writeRepeated(out, 'x', 128L << 20);
      out.write('\n');
      out.write(good);
    }
    Path bomb = directory.resolve("bomb.jsonl.gz");
    try (OutputStream out =
        new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16))) {
      out.write(good);
      writeRepeated(out, 0, 96L << 20);
    }

    // A record up to the 16 MiB limit is held whole, so the heap must hold one, twice over.
    assertThat(runChild(longLine, "-Xmx64m").strip())
        .isEqualTo("records=3 unified=2 unknown=1 routable=2");
    assertThat(runChild(bomb, "-Xmx64m").strip())
        .startsWith("records=2 unified=1 unknown=1 routable=1")
        .contains("decompression bomb");
  }

  private static void writeRepeated(OutputStream out, int b, long count) throws IOException {
    byte[] chunk = new byte[1 << 16];
    java.util.Arrays.fill(chunk, (byte) b);
    for (long left = count; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
  }

  /** Writes one JSON array on a single line, as the Management Activity API serves content. */
  private static long writeContentBlob(Path file) throws IOException {
    long written = 0;
    try (OutputStream out =
        new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16))) {
      written += write(out, "[");
      for (int i = 0; i < RECORDS; i++) {
        written += write(out, (i == 0 ? "" : ",") + record(i));
      }
      written += write(out, "]");
    }
    return written;
  }

  private static String record(int i) {
    return String.format(
        "{\"CreationTime\":\"2024-03-%02dT%02d:%02d:%02d\",\"Id\":\"00000000-0000-4000-8000-%012d\","
            + "\"Operation\":\"MailItemsAccessed\",\"OrganizationId\":\"6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d\","
            + "\"RecordType\":50,\"UserId\":\"user%d@contoso.example\",\"ClientIPAddress\":\"192.0.2.%d\","
            + "\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"}],"
            + "\"AppAccessContext\":{\"UniqueTokenId\":\"tok%018d\",\"IssuedAtTime\":\"2024-03-01T00:00:00\"},"
            + "\"Folders\":[{\"Path\":\"\\\\Inbox\",\"FolderItems\":[{\"Id\":\"item%d\",\"SizeInBytes\":%d}]}],"
            + "\"OperationCount\":1,\"Workload\":\"Exchange\"}",
        1 + i % 28, i % 24, i % 60, (i / 60) % 60, i, i % 500, i % 250, i, i, 1000 + i);
  }

  private static long write(OutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(UTF_8);
    out.write(bytes);
    return bytes.length;
  }

  private static String runChild(Path file, String heap) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    heap,
                    "-cp",
                    System.getProperty("java.class.path"),
                    CountRecordsMain.class.getName(),
                    file.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), UTF_8);
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("child finished").isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    return output;
  }
}
