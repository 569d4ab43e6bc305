package io.stormwatch.formats.files;

import io.stormwatch.formats.common.RejectionType;
import java.io.IOException;
import java.util.Locale;

/**
 * Cuts JSON values out of a stream at a given depth, byte-exact, without parsing them.
 *
 * <p>A small state machine tracks strings, escapes and nesting, so a multi-gigabyte content blob or
 * envelope is read one element at a time and each element keeps the bytes it had in the file. The
 * records are the values at depth 0 ({@link FileFormat#JSON_VALUES}), the elements of a root array
 * ({@link FileFormat#JSON_ARRAY}) or the elements of arrays inside root objects ({@link
 * FileFormat#JSON_ENVELOPE}). Anything else found at the root (a stray value, a container of the
 * other kind) is yielded too, so that nothing is skipped unseen; a value cut short by the end of
 * the file is yielded as it is and comes out {@link RawKind#UNKNOWN}. A value longer than a record
 * may be is yielded once, refused, and read past without being held.
 */
final class JsonElementSource implements RecordSource {
  private static final int TRACKED_DEPTHS = 3;

  private final ByteInput input;
  private final String fileName;
  private final RawRecordFactory records;
  private final int elementDepth;
  private final int rootContainer;
  private final int maxRecordBytes;

  private final boolean[] arrayAtDepth = new boolean[TRACKED_DEPTHS];
  private int depth;
  private boolean inString;
  private boolean escaped;
  private int line = 1;

  private final RecordBuffer element = new RecordBuffer();
  private boolean capturing;
  private boolean capturingScalar;
  private boolean capturingString;
  private int captureDepth;
  private int captureLine;
  private long captured;
  private int pendingByte = -1;

  /**
   * Creates a source.
   *
   * @param elementDepth 0 for root values, 1 for array elements, 2 for envelope elements
   * @param rootContainer the root container the records live in: '[', '{' or -1 for none
   */
  JsonElementSource(
      ByteInput input,
      String fileName,
      RawRecordFactory records,
      int elementDepth,
      int rootContainer,
      FileLimits limits) {
    this.input = input;
    this.fileName = fileName;
    this.records = records;
    this.elementDepth = elementDepth;
    this.rootContainer = rootContainer;
    this.maxRecordBytes = limits.maxRecordBytes();
  }

  @Override
  public RawRecord next() throws IOException {
    while (true) {
      int b;
      if (pendingByte >= 0) {
        b = pendingByte;
        pendingByte = -1;
      } else {
        b = input.read();
        if (b == '\n') {
          line++;
        }
      }
      if (b < 0) {
        return capturing ? emit() : null;
      }
      RawRecord done = accept(b);
      if (done != null) {
        return done;
      }
    }
  }

  private RawRecord accept(int b) {
    if (capturing && capturingScalar && !capturingString && endsBareScalar(b)) {
      // The delimiter is not part of the value, but it may close a container: read it again.
      pendingByte = b;
      return emit();
    }
    if (capturing) {
      captured++;
      if (captured <= maxRecordBytes) {
        element.append(b);
      } else if (captured == maxRecordBytes + 1L) {
        element.truncate(FileLimits.KEPT_BYTES);
      }
    }
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
        if (capturing && capturingString) {
          return emit();
        }
      }
      return null;
    }
    switch (b) {
      case '"' -> {
        startCaptureIfRecord(b, true, true);
        inString = true;
      }
      case '{', '[' -> {
        startCaptureIfRecord(b, false, false);
        if (depth < TRACKED_DEPTHS) {
          arrayAtDepth[depth] = b == '[';
        }
        depth++;
      }
      case '}', ']' -> {
        depth = Math.max(0, depth - 1);
        if (capturing && !capturingScalar && depth == captureDepth) {
          return emit();
        }
      }
      case ' ', '\t', '\r', '\n', ',', ':' -> {
        // Structure only.
      }
      default -> startCaptureIfRecord(b, true, false);
    }
    return null;
  }

  private void startCaptureIfRecord(int b, boolean scalar, boolean string) {
    if (capturing || !isRecordPosition(b)) {
      return;
    }
    capturing = true;
    capturingScalar = scalar;
    capturingString = string;
    captureDepth = depth;
    captureLine = line;
    captured = 1;
    element.append(b);
  }

  private boolean isRecordPosition(int b) {
    if (depth == elementDepth && (elementDepth == 0 || arrayAtDepth[elementDepth - 1])) {
      return true;
    }
    // At the root, only the expected container is structure; anything else is shown, not skipped.
    return depth == 0 && b != rootContainer;
  }

  private static boolean endsBareScalar(int b) {
    return b == ',' || b == ']' || b == '}' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private RawRecord emit() {
    capturing = false;
    byte[] bytes = element.take();
    if (captured > maxRecordBytes) {
      return records.refused(
          bytes,
          origin(),
          RejectionType.MESSAGE_TOO_LARGE,
          String.format(
              Locale.ROOT,
              "a value of %,d bytes, longer than the %,d bytes a raw record may be; its first %,d"
                  + " bytes are kept",
              captured,
              maxRecordBytes,
              FileLimits.KEPT_BYTES));
    }
    return records.fromJson(bytes, origin());
  }

  private String origin() {
    return fileName + ":" + captureLine;
  }

  @Override
  public String position() {
    return fileName + ":" + line;
  }
}
