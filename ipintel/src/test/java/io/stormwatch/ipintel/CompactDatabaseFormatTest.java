package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CompactDatabaseFormatTest {

  private static final Map<String, Network> BLOCKS =
      Map.of(
          "0.0.0.0/8", new Network(64496, "Zero", null),
          "192.0.2.0/24", new Network(4_294_967_295L, "Max ASN, \"quoted\" ­ UTF-8 ü", "NL"),
          "198.51.100.0/24", new Network(0, null, "JP"),
          "255.255.255.255", new Network(64497, "Last", "AQ"),
          "::/128", new Network(64498, "Unspecified", null),
          "2001:db8::/32", new Network(64500, "Zero", "DE"),
          "2001:db8:0:1::7", new Network(64501, "Single", "FR"),
          "ffff::/16", new Network(64502, "Top", "US"));

  private static final List<String> PROBES =
      List.of(
          "0.0.0.0",
          "0.255.255.255",
          "1.0.0.0",
          "192.0.2.1",
          "198.51.100.255",
          "198.51.101.0",
          "255.255.255.254",
          "255.255.255.255",
          "::",
          "::1",
          "2001:db8::",
          "2001:db8:0:1::6",
          "2001:db8:0:1::7",
          "2001:db8:0:1::8",
          "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
          "2001:db9::",
          "ffff::",
          "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");

  @Test
  void readsBackWhatItWrote() throws IOException {
    IpIntelligence original = IpIntelligence.of(BLOCKS);

    IpIntelligence copy = CompactDatabaseFormat.read(new ByteArrayInputStream(bytesOf(original)));

    assertThat(copy.dataVersion()).isEqualTo(original.dataVersion());
    assertThat(copy.toString()).isEqualTo(original.toString());
    for (String probe : PROBES) {
      assertThat(copy.lookup(probe)).as(probe).isEqualTo(original.lookup(probe));
    }
    assertThat(copy.lookup("192.0.2.1")).contains(BLOCKS.get("192.0.2.0/24"));
    assertThat(copy.lookup("2001:db8:0:1::8")).contains(BLOCKS.get("2001:db8::/32"));
  }

  @Test
  void writesTheSameBytesForTheSameData() throws IOException {
    assertThat(bytesOf(IpIntelligence.of(BLOCKS))).isEqualTo(bytesOf(IpIntelligence.of(BLOCKS)));
  }

  @Test
  void rejectsEveryTruncation() throws IOException {
    byte[] raw = gunzip(bytesOf(IpIntelligence.of(BLOCKS)));
    for (int length = 0; length < raw.length; length++) {
      byte[] truncated = gzip(Arrays.copyOf(raw, length));
      assertThatExceptionOfType(IOException.class)
          .as("truncated to %d bytes", length)
          .isThrownBy(() -> CompactDatabaseFormat.read(new ByteArrayInputStream(truncated)));
    }
  }

  @Test
  void rejectsTrailingBytes() throws IOException {
    byte[] raw = gunzip(bytesOf(IpIntelligence.of(BLOCKS)));
    byte[] longer = gzip(Arrays.copyOf(raw, raw.length + 1));

    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> CompactDatabaseFormat.read(new ByteArrayInputStream(longer)))
        .withMessageContaining("trailing");
  }

  @Test
  void rejectsOtherFilesAndVersions() throws IOException {
    byte[] raw = gunzip(bytesOf(IpIntelligence.of(BLOCKS)));
    byte[] otherMagic = raw.clone();
    otherMagic[0] = 'X';
    byte[] otherVersion = raw.clone();
    otherVersion[4] = 2;

    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> CompactDatabaseFormat.read(new ByteArrayInputStream(gzip(otherMagic))))
        .withMessageContaining("magic");
    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> CompactDatabaseFormat.read(new ByteArrayInputStream(gzip(otherVersion))))
        .withMessageContaining("version 2");
    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> CompactDatabaseFormat.read(new ByteArrayInputStream(raw)));
  }

  @Test
  void rejectsSegmentsReferringToMissingNetworks() throws IOException {
    Network[] none = new Network[0];
    IpIntelligence broken =
        new IpIntelligence(
            "x",
            new NetworkTable(none),
            new Ipv4Segments(new int[0], new int[0]),
            new Ipv6Segments(new long[0], new long[0], new int[0]));
    byte[] raw = gunzip(bytesOf(broken));
    // Append one IPv4 segment pointing at network id 0 by rewriting the (empty) IPv4 section:
    // magic(4) version(1) dataVersion(2) orgs(1) networks(1) ipv4 count(1) ipv6 count(1).
    byte[] patched = {raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], 0, 0, 1, 0, 1, 0};

    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> CompactDatabaseFormat.read(new ByteArrayInputStream(gzip(patched))))
        .withMessageContaining("unknown network id 0");
  }

  private static byte[] bytesOf(IpIntelligence intelligence) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompactDatabaseFormat.write(intelligence, out);
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] compressed) throws IOException {
    return new GZIPInputStream(new ByteArrayInputStream(compressed)).readAllBytes();
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(raw);
    }
    return out.toByteArray();
  }
}
