package io.stormwatch.traffic.replay;

import io.stormwatch.formats.files.RawKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes sorted runs of records to a spill file and reads them back, field by field. */
final class SpillCodec {
  private static final RawKind[] KINDS = RawKind.values();

  private SpillCodec() {}

  static void write(ReplayRecord record, DataOutputStream out) throws IOException {
    out.writeLong(record.timestamp());
    out.writeBoolean(record.timed());
    out.writeByte(record.kind().ordinal());
    writeText(record.tenantId(), out);
    writeText(record.origin(), out);
    out.writeLong(record.sequence());
    out.writeInt(record.json().length);
    out.write(record.json());
    Rejection refusal = record.refusal();
    writeText(refusal == null ? null : refusal.errorType(), out);
    writeText(refusal == null ? null : refusal.reason(), out);
  }

  /** Returns the next record, or null at the end of the file. */
  static ReplayRecord read(DataInputStream in) throws IOException {
    long timestamp;
    try {
      timestamp = in.readLong();
    } catch (EOFException endOfRun) {
      return null;
    }
    boolean timed = in.readBoolean();
    RawKind kind = KINDS[in.readByte()];
    String tenantId = readText(in);
    String origin = readText(in);
    long sequence = in.readLong();
    byte[] json = new byte[in.readInt()];
    in.readFully(json);
    String refusalType = readText(in);
    String refusalReason = readText(in);
    Rejection refusal = refusalType == null ? null : new Rejection(refusalType, refusalReason);
    return new ReplayRecord(kind, tenantId, timestamp, timed, json, origin, sequence, refusal);
  }

  private static void writeText(String text, DataOutputStream out) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readText(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
