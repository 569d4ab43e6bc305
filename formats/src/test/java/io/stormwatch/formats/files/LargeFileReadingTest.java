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

    String output = runChild(blob);

    assertThat(output.strip()).isEqualTo("records=200000 unified=200000 unknown=0 routable=200000");
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

  private static String runChild(Path file) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    CHILD_HEAP,
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
