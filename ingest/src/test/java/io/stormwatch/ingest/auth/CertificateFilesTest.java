package io.stormwatch.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.ingest.auth.ClientCredential.ClientCertificate;
import io.stormwatch.ingest.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateFilesTest {

  @TempDir static Path dir;
  static Path pkcs12;
  static Path other;

  @BeforeAll
  static void makeCertificates() throws Exception {
    pkcs12 = TestCertificates.pkcs12(dir, "stormwatch-app");
    other = TestCertificates.pkcs12(dir, "another-app");
  }

  @Test
  void loadsAPkcs12FileWithItsPassword() {
    ClientCertificate loaded =
        CertificateFiles.load(pkcs12, TestCertificates.PASSWORD.toCharArray());

    assertThat(loaded.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=stormwatch-app");
    assertThat(loaded.privateKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(loaded.toString()).doesNotContain("PRIVATE");
  }

  @Test
  void loadsAPemFileWithTheCertificateAndAPkcs8Key() throws Exception {
    Path pem = TestCertificates.pem(pkcs12, dir, "stormwatch-app");

    ClientCertificate loaded = CertificateFiles.load(pem, new char[0]);

    assertThat(loaded.certificate())
        .isEqualTo(
            CertificateFiles.load(pkcs12, TestCertificates.PASSWORD.toCharArray()).certificate());
  }

  @Test
  void refusesAKeyThatDoesNotBelongToTheCertificate() throws Exception {
    ClientCertificate mine = CertificateFiles.load(pkcs12, TestCertificates.PASSWORD.toCharArray());
    ClientCertificate theirs =
        CertificateFiles.load(other, TestCertificates.PASSWORD.toCharArray());
    Path mixed = dir.resolve("mixed.pem");
    Files.writeString(
        mixed,
        TestCertificates.block("CERTIFICATE", mine.certificate().getEncoded())
            + TestCertificates.block("PRIVATE KEY", theirs.privateKey().getEncoded()));

    assertThatThrownBy(() -> CertificateFiles.load(mixed, new char[0]))
        .hasMessageContaining("does not belong to its certificate");
  }

  @Test
  void saysHowToConvertAPkcs1KeyAndWhatIsMissing() throws Exception {
    Path pkcs1 = dir.resolve("pkcs1.pem");
    Files.writeString(pkcs1, TestCertificates.block("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
    Path certOnly = dir.resolve("cert-only.pem");
    Files.writeString(
        certOnly,
        TestCertificates.block(
            "CERTIFICATE",
            CertificateFiles.load(pkcs12, TestCertificates.PASSWORD.toCharArray())
                .certificate()
                .getEncoded()));

    assertThatThrownBy(() -> CertificateFiles.load(pkcs1, new char[0]))
        .hasMessageContaining("openssl pkcs8 -topk8");
    assertThatThrownBy(() -> CertificateFiles.load(certOnly, new char[0]))
        .hasMessageContaining("no private key");
    assertThatThrownBy(() -> CertificateFiles.load(pkcs12, "wrong".toCharArray()))
        .hasMessageContaining("wrong password");
  }
}
