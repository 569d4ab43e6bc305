package io.stormwatch.ingest.auth;

import io.stormwatch.ingest.auth.ClientCredential.ClientCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a client certificate and its private key from a PKCS#12 file ({@code .pfx}, {@code .p12},
 * as Azure Key Vault exports) or a PEM file holding the certificate and an unencrypted PKCS#8 key
 * ({@code BEGIN CERTIFICATE} and {@code BEGIN PRIVATE KEY} blocks).
 */
public final class CertificateFiles {

  private static final Pattern PEM_BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----", Pattern.DOTALL);

  private CertificateFiles() {}

  /**
   * Loads the certificate and key in {@code file}.
   *
   * @param password the PKCS#12 password; empty for none or for a PEM file
   * @throws IllegalArgumentException saying what is wrong with the file (never its contents)
   */
  public static ClientCertificate load(Path file, char[] password) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read certificate file " + file + ": " + e, e);
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    ClientCertificate loaded =
        text.contains("-----BEGIN ") ? fromPem(file, text) : fromPkcs12(file, bytes, password);
    checkKeyMatches(file, loaded);
    return loaded;
  }

  private static ClientCertificate fromPkcs12(Path file, byte[] bytes, char[] password) {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Key key = store.getKey(alias, password);
        Certificate certificate = store.getCertificate(alias);
        if (key instanceof PrivateKey privateKey && certificate instanceof X509Certificate x509) {
          return new ClientCertificate(x509, privateKey);
        }
      }
      throw new IllegalArgumentException(
          "PKCS#12 file " + file + " holds no private key with its certificate");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read "
              + file
              + " as PKCS#12 (wrong password, or not a .pfx/.p12 or PEM file): "
              + e.getMessage(),
          e);
    }
  }

  private static ClientCertificate fromPem(Path file, String text) {
    X509Certificate certificate = null;
    PrivateKey key = null;
    Matcher block = PEM_BLOCK.matcher(text);
    try {
      while (block.find()) {
        String type = block.group(1);
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        switch (type) {
          case "CERTIFICATE" -> {
            if (certificate == null) {
              certificate =
                  (X509Certificate)
                      CertificateFactory.getInstance("X.509")
                          .generateCertificate(new ByteArrayInputStream(der));
            }
          }
          case "PRIVATE KEY" ->
              key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
          case "RSA PRIVATE KEY" ->
              throw new IllegalArgumentException(
                  file
                      + " holds a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it with"
                      + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
          case "ENCRYPTED PRIVATE KEY" ->
              throw new IllegalArgumentException(
                  file
                      + " holds an encrypted key; use a PKCS#12 file with its password, or an"
                      + " unencrypted PKCS#8 key in a file only this service can read");
          default -> {
            // other blocks (a chain's further certificates, parameters) are not needed
          }
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the certificate or key in " + file + ": " + e.getMessage(), e);
    }
    if (certificate == null || key == null) {
      throw new IllegalArgumentException(
          "PEM file "
              + file
              + " must hold a certificate (BEGIN CERTIFICATE) and its RSA key (BEGIN PRIVATE KEY);"
              + " found "
              + (certificate == null ? "no certificate" : "no private key"));
    }
    return new ClientCertificate(certificate, key);
  }

  private static void checkKeyMatches(Path file, ClientCertificate loaded) {
    if (!(loaded.certificate().getPublicKey() instanceof RSAPublicKey publicKey)) {
      throw new IllegalArgumentException(
          "the certificate in "
              + file
              + " has a "
              + loaded.certificate().getPublicKey().getAlgorithm().toLowerCase(Locale.ROOT)
              + " key; Entra ID client assertions here are signed with RSA");
    }
    if (loaded.privateKey() instanceof RSAPrivateCrtKey privateKey
        && !privateKey.getModulus().equals(publicKey.getModulus())) {
      throw new IllegalArgumentException(
          "the private key in " + file + " does not belong to its certificate");
    }
  }
}
