package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpLocationDbCsvTest {

  @Test
  void splitsPlainAndQuotedFields() {
    assertThat(IpLocationDbCsv.splitLine("1,2,13335,\"Cloudflare, Inc.\""))
        .containsExactly("1", "2", "13335", "Cloudflare, Inc.");
    assertThat(IpLocationDbCsv.splitLine("1,2,201907,\"LLC \"\"SPUTNIK\"\"\""))
        .containsExactly("1", "2", "201907", "LLC \"SPUTNIK\"");
    assertThat(IpLocationDbCsv.splitLine("1,2,,")).containsExactly("1", "2", "", "");
    assertThat(IpLocationDbCsv.splitLine("\"\"")).containsExactly("");
  }

  @Test
  void rejectsBrokenQuoting() {
    assertThatIllegalArgumentException().isThrownBy(() -> IpLocationDbCsv.splitLine("1,\"open"));
    assertThatIllegalArgumentException().isThrownBy(() -> IpLocationDbCsv.splitLine("1,\"a\"b,2"));
  }

  @Test
  void readsAsnRowsAsNetworksWithoutCountry(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("asn-ipv4-num.csv");
    Files.writeString(file, "16777216,16777471,13335,\"Cloudflare, Inc.\"\n");

    assertThat(IpLocationDbCsv.readAsnRanges(file))
        .containsExactly(
            new AddressRange<>(
                BigInteger.valueOf(16777216),
                BigInteger.valueOf(16777471),
                new Network(13335, "Cloudflare, Inc.", null)));
  }

  @Test
  void namesTheFileAndLineOfAMalformedRow(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("asn-country-ipv4-num.csv");
    Files.writeString(file, "1,2,AU\n3,x,CN\n");

    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> IpLocationDbCsv.readCountryRanges(file))
        .withMessageContaining("asn-country-ipv4-num.csv:2");
  }

  @Test
  void rejectsRowsWithTheWrongNumberOfFields(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("asn-country-ipv4-num.csv");
    Files.writeString(file, "1,2,AU,extra\n");

    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> IpLocationDbCsv.readCountryRanges(file))
        .withMessageContaining("expected 3 fields, found 4");
  }
}
