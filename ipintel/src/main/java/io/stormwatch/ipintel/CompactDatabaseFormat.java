package io.stormwatch.ipintel;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bundled file: a gzip stream of unsigned LEB128 varints.
 *
 * <pre>
 * "SWIP" formatVersion
 * dataVersion                          string = varint byte length, UTF-8 bytes
 * orgCount, org strings
 * networkCount, per network: asn delta (zigzag), orgIndex + 1 (0 = none),
 *                               country (2 ASCII bytes, 0 0 = none)
 * ipv4Count, ipv4 start deltas..., ipv4 network ids + 1 (0 = none)...
 * ipv6Count, ipv6 high deltas..., ipv6 lows..., ipv6 network ids + 1...
 * </pre>
 *
 * <p>Columns rather than rows, and deltas rather than addresses, because small similar numbers next
 * to each other is what gzip compresses best. An IPv6 low half is stored as a delta when the high
 * half did not change, else as is. For the 2026 data: 6.4 MB of varints, 2.6 MB gzipped.
 */
final class CompactDatabaseFormat {

  private static final String MAGIC = "SWIP";
  private static final int VERSION = 1;

  private CompactDatabaseFormat() {}

  /** Writes the tables of {@code database} to {@code out}, which is left open. */
  static void write(IpIntelligence database, OutputStream out) throws IOException {
    ByteWriter writer = new ByteWriter();
    writer.bytes(MAGIC.getBytes(StandardCharsets.US_ASCII));
    writer.varint(VERSION);
    writer.string(database.dataVersion());
    writeNetworks(database.networks(), writer);
    writeIpv4(database.ipv4(), writer);
    writeIpv6(database.ipv6(), writer);
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    writer.writeTo(gzip);
    gzip.finish();
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IOException if the stream cannot be read or does not hold a valid database
   */
  static IpIntelligence read(InputStream in) throws IOException {
    ByteReader reader = new ByteReader(new GZIPInputStream(in, 1 << 16).readAllBytes());
    try {
      reader.expectMagic(MAGIC);
      long version = reader.varint();
      if (version != VERSION) {
        throw new IOException("unsupported IP database format version " + version);
      }
      String dataVersion = reader.string();
      NetworkTable networks = readNetworks(reader);
      Ipv4Segments ipv4 = readIpv4(reader);
      Ipv6Segments ipv6 = readIpv6(reader);
      reader.expectEnd();
      return new IpIntelligence(dataVersion, networks, ipv4, ipv6);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt IP database: " + e.getMessage(), e);
    }
  }

  private static void writeNetworks(NetworkTable networks, ByteWriter writer) {
    Map<String, Integer> orgIndexes = new HashMap<>();
    List<String> orgs = new ArrayList<>();
    for (int id = 0; id < networks.size(); id++) {
      String org = networks.get(id).organisation();
      if (org != null && orgIndexes.putIfAbsent(org, orgs.size()) == null) {
        orgs.add(org);
      }
    }
    writer.varint(orgs.size());
    orgs.forEach(writer::string);
    writer.varint(networks.size());
    long previousAsn = 0;
    for (int id = 0; id < networks.size(); id++) {
      Network network = networks.get(id);
      writer.signedVarint(network.asn() - previousAsn);
      previousAsn = network.asn();
      writer.varint(
          network.organisation() == null ? 0 : orgIndexes.get(network.organisation()) + 1);
      String country = network.country() == null ? "\0\0" : network.country();
      writer.bytes(country.getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static NetworkTable readNetworks(ByteReader reader) throws IOException {
    String[] orgs = new String[reader.count()];
    for (int i = 0; i < orgs.length; i++) {
      orgs[i] = reader.string();
    }
    Network[] networks = new Network[reader.count()];
    // One String per country code instead of one per network: saves about 5 MB of heap.
    Map<String, String> countries = new HashMap<>();
    long asn = 0;
    for (int id = 0; id < networks.length; id++) {
      asn += reader.signedVarint();
      long orgReference = reader.varint();
      if (orgReference > orgs.length) {
        throw new IOException("corrupt IP database: network " + id + " refers to a missing org");
      }
      String org = orgReference == 0 ? null : orgs[(int) orgReference - 1];
      String country = reader.asciiPair();
      networks[id] =
          new Network(
              asn, org, country == null ? null : countries.computeIfAbsent(country, c -> c));
    }
    return new NetworkTable(networks);
  }

  private static void writeIpv4(Ipv4Segments segments, ByteWriter writer) {
    writer.varint(segments.size());
    long previous = 0;
    for (int i = 0; i < segments.size(); i++) {
      writer.varint(segments.startAt(i) - previous);
      previous = segments.startAt(i);
    }
    for (int i = 0; i < segments.size(); i++) {
      writer.varint(segments.networkIdAt(i) + 1L);
    }
  }

  private static Ipv4Segments readIpv4(ByteReader reader) throws IOException {
    int[] starts = new int[reader.count()];
    long start = 0;
    for (int i = 0; i < starts.length; i++) {
      start += reader.varint();
      starts[i] = (int) start;
    }
    if (start > 0xFFFF_FFFFL) {
      throw new IOException("corrupt IP database: IPv4 segment start beyond 32 bits");
    }
    return new Ipv4Segments(starts, readNetworkIds(reader, starts.length));
  }

  private static void writeIpv6(Ipv6Segments segments, ByteWriter writer) {
    writer.varint(segments.size());
    long previousHigh = 0;
    for (int i = 0; i < segments.size(); i++) {
      writer.varint(segments.startHighAt(i) - previousHigh);
      previousHigh = segments.startHighAt(i);
    }
    for (int i = 0; i < segments.size(); i++) {
      boolean sameHigh = i > 0 && segments.startHighAt(i) == segments.startHighAt(i - 1);
      writer.varint(segments.startLowAt(i) - (sameHigh ? segments.startLowAt(i - 1) : 0));
    }
    for (int i = 0; i < segments.size(); i++) {
      writer.varint(segments.networkIdAt(i) + 1L);
    }
  }

  private static Ipv6Segments readIpv6(ByteReader reader) throws IOException {
    int count = reader.count();
    long[] highs = new long[count];
    long[] lows = new long[count];
    long high = 0;
    for (int i = 0; i < count; i++) {
      high += reader.varint();
      highs[i] = high;
    }
    for (int i = 0; i < count; i++) {
      boolean sameHigh = i > 0 && highs[i] == highs[i - 1];
      lows[i] = reader.varint() + (sameHigh ? lows[i - 1] : 0);
    }
    return new Ipv6Segments(highs, lows, readNetworkIds(reader, count));
  }

  private static int[] readNetworkIds(ByteReader reader, int count) throws IOException {
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = (int) reader.varint() - 1;
    }
    return ids;
  }

  /** Appends varints, strings and raw bytes to a growing buffer. */
  private static final class ByteWriter {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);

    // Unsigned: callers pass values that are unsigned 64-bit quantities.
    void varint(long value) {
      long rest = value;
      while ((rest & ~0x7FL) != 0) {
        buffer.write((int) ((rest & 0x7F) | 0x80));
        rest >>>= 7;
      }
      buffer.write((int) rest);
    }

    // Zigzag, so that small negative values stay short too.
    void signedVarint(long value) {
      varint((value << 1) ^ (value >> 63));
    }

    void string(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      varint(utf8.length);
      bytes(utf8);
    }

    void bytes(byte[] raw) {
      buffer.write(raw, 0, raw.length);
    }

    void writeTo(OutputStream out) throws IOException {
      buffer.writeTo(out);
    }
  }

  /** Reads varints, strings and raw bytes from a buffer, failing cleanly on truncation. */
  private static final class ByteReader {
    private final byte[] bytes;
    private int position;

    ByteReader(byte[] bytes) {
      this.bytes = bytes;
    }

    long varint() throws IOException {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = next();
        value |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IOException("corrupt IP database: varint longer than 64 bits at " + position);
    }

    long signedVarint() throws IOException {
      long zigzag = varint();
      return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    // A count of items that each take at least one byte, so it cannot exceed what is left.
    int count() throws IOException {
      long count = varint();
      if (count > bytes.length - position) {
        throw new IOException("corrupt IP database: count " + count + " at " + position);
      }
      return (int) count;
    }

    String string() throws IOException {
      int length = count();
      String value = new String(bytes, position, length, StandardCharsets.UTF_8);
      position += length;
      return value;
    }

    // Two ASCII letters, or null for the two zero bytes that mean none.
    String asciiPair() throws IOException {
      byte first = next();
      byte second = next();
      if (first == 0 && second == 0) {
        return null;
      }
      return new String(new byte[] {first, second}, StandardCharsets.US_ASCII);
    }

    void expectMagic(String magic) throws IOException {
      for (int i = 0; i < magic.length(); i++) {
        if (position >= bytes.length || bytes[position++] != magic.charAt(i)) {
          throw new IOException("not a Stormwatch IP database (bad magic)");
        }
      }
    }

    void expectEnd() throws IOException {
      if (position != bytes.length) {
        throw new IOException(
            "corrupt IP database: " + (bytes.length - position) + " trailing bytes");
      }
    }

    private byte next() throws IOException {
      if (position >= bytes.length) {
        throw new EOFException("truncated IP database at byte " + position);
      }
      return bytes[position++];
    }
  }
}
