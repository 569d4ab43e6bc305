package io.stormwatch.ingest.testing;

import io.stormwatch.ingest.auth.CertificateFiles;
import io.stormwatch.ingest.auth.ClientCredential.ClientCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Self-signed application certificates for tests, made by the JDK's keytool. */
public final class TestCertificates {

  public static final String PASSWORD = "changeit-test";

  private TestCertificates() {}

  private static final Map<String, Path> MADE = new ConcurrentHashMap<>();

  /**
   * A PKCS#12 file with an RSA key and its self-signed certificate, protected by {@link #PASSWORD}.
   * Keytool is slow to start, so each name is made once per test JVM and copied.
   */
  public static Path pkcs12(Path directory, String name) throws IOException, InterruptedException {
    Path made = MADE.get(name);
    if (made == null) {
      Path home = Files.createTempDirectory("stormwatch-test-certificates");
      made = generate(home, name);
      home.toFile().deleteOnExit();
      made.toFile().deleteOnExit();
      MADE.put(name, made);
    }
    return Files.copy(made, directory.resolve(name + ".p12"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path generate(Path directory, String name)
      throws IOException, InterruptedException {
    Path file = directory.resolve(name + ".p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "app",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=" + name,
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    file.toString(),
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD))
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
    }
    return file;
  }

  /** The same certificate and key as a PEM file (certificate, then unencrypted PKCS#8 key). */
  public static Path pem(Path pkcs12, Path directory, String name) throws IOException {
    ClientCertificate loaded = CertificateFiles.load(pkcs12, PASSWORD.toCharArray());
    Path file = directory.resolve(name + ".pem");
    try {
      Files.writeString(
          file,
          block("CERTIFICATE", loaded.certificate().getEncoded())
              + block("PRIVATE KEY", loaded.privateKey().getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IOException(e);
    }
    return file;
  }

  public static String block(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
