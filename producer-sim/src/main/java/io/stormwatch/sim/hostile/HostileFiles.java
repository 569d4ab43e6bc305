package io.stormwatch.sim.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.sim.hostile.BaseRecords.Base;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the recordings a replay must survive: a line of a gigabyte without its end between valid
 * lines, and a gzip file that expands a thousand times after a few valid lines. Both are tiny on
 * disk: the long line is a hole in a sparse file (zeros), the bomb one compressed run of zeros
 * repeated as gzip members.
 */
public final class HostileFiles {

  /** Valid lines before and after the hostile part of each file. */
  static final int VALID_LINES = 5;

  private static final int BOMB_MEMBER_BYTES = 16 * 1024 * 1024;

  /** A written file and the class of its records. */
  public record ReplayedFile(Path path, HostileClass hostileClass) {}

  private HostileFiles() {}

  /**
   * Writes both files into {@code directory}.
   *
   * @param seed seeds the valid records around the hostile parts
   * @param start event time of those valid records
   * @param hostileBytes how long the long line is, and how far the bomb expands
   */
  public static List<ReplayedFile> write(
      Path directory, long seed, Instant start, long hostileBytes) throws IOException {
    BaseRecords records = new BaseRecords(seed, start);
    ObjectMapper json = new ObjectMapper();
    long[] number = {0};
    Path longLine = directory.resolve("long-line.jsonl");
    try (RandomAccessFile file = new RandomAccessFile(longLine.toFile(), "rw")) {
      file.write(validLines(records, json, HostileClass.LONG_LINE, number));
      // Skipping ahead leaves a hole that reads as zeros: a line of hostileBytes NULs, no newline.
      file.seek(file.getFilePointer() + hostileBytes);
      file.write('\n');
      file.write(validLines(records, json, HostileClass.LONG_LINE, number));
    }
    number[0] = 0;
    Path bomb = directory.resolve("gzip-bomb.jsonl.gz");
    try (OutputStream out = Files.newOutputStream(bomb)) {
      out.write(gzip(validLines(records, json, HostileClass.GZIP_BOMB, number)));
      byte[] zeros = gzip(new byte[BOMB_MEMBER_BYTES]);
      for (long written = 0; written < hostileBytes; written += BOMB_MEMBER_BYTES) {
        out.write(zeros); // gzip readers read concatenated members as one stream
      }
      byte[] after = validLines(records, json, HostileClass.GZIP_BOMB, number);
      out.write(gzip(concat(new byte[] {'\n'}, after)));
    }
    return List.of(
        new ReplayedFile(longLine, HostileClass.LONG_LINE),
        new ReplayedFile(bomb, HostileClass.GZIP_BOMB));
  }

  private static byte[] validLines(
      BaseRecords records, ObjectMapper json, HostileClass hostileClass, long[] number)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < VALID_LINES; i++) {
      Base record = records.next().withId(HostileIds.of(hostileClass, ++number[0]));
      out.write(json.writeValueAsBytes(record.json()));
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
