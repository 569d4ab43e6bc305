package io.stormwatch.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway TLS material for a test: a certificate authority made up on the spot, a server
 * certificate it signed for {@code localhost} / {@code 127.0.0.1}, the server's PKCS12 keystore and
 * a PKCS12 truststore holding the authority, each with a random password. Valid for a day.
 *
 * @param keyStore the server's key and certificate chain
 * @param keyStorePassword protects the keystore and its key
 * @param trustStore the authority's certificate, for clients
 * @param trustStorePassword protects the truststore
 */
public record TlsMaterial(
    Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Creates the authority, the server certificate and both stores in {@code directory}. */
  public static TlsMaterial createIn(Path directory) throws IOException, GeneralSecurityException {
    KeyPair authorityKeys = ecKeyPair();
    X509Certificate authority = authorityCertificate(authorityKeys);
    KeyPair serverKeys = ecKeyPair();
    X509Certificate server = serverCertificate(serverKeys, authority, authorityKeys.getPrivate());

    TlsMaterial material =
        new TlsMaterial(
            directory.resolve("server.keystore.p12"),
            randomPassword(),
            directory.resolve("client.truststore.p12"),
            randomPassword());
    KeyStore keyStore = emptyPkcs12();
    keyStore.setKeyEntry(
        "localhost",
        serverKeys.getPrivate(),
        material.keyStorePassword.toCharArray(),
        new Certificate[] {server, authority});
    store(keyStore, material.keyStore, material.keyStorePassword);
    KeyStore trustStore = emptyPkcs12();
    trustStore.setCertificateEntry("stormwatch-test-ca", authority);
    store(trustStore, material.trustStore, material.trustStorePassword);
    return material;
  }

  /** A password of 24 letters and digits, different at every call. */
  public static String randomPassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return password.toString();
  }

  private static X509Certificate authorityCertificate(KeyPair keys)
      throws GeneralSecurityException, CertIOException {
    X500Name name = new X500Name("CN=Stormwatch test CA");
    X509v3CertificateBuilder builder = validForADay(name, name, keys);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return sign(builder, keys.getPrivate());
  }

  private static X509Certificate serverCertificate(
      KeyPair keys, X509Certificate authority, PrivateKey authorityKey)
      throws GeneralSecurityException, IOException {
    X509v3CertificateBuilder builder =
        validForADay(
            X500Name.getInstance(authority.getSubjectX500Principal().getEncoded()),
            new X500Name("CN=localhost"),
            keys);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
    builder.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    // Clients verify the host name they connect to (ssl.endpoint.identification.algorithm=https).
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(
                  GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())
            }));
    return sign(builder, authorityKey);
  }

  private static X509v3CertificateBuilder validForADay(
      X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign with " + SIGNATURE, e);
    }
  }

  private static KeyPair ecKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static KeyStore emptyPkcs12() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static void store(KeyStore store, Path file, String password)
      throws GeneralSecurityException, IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password.toCharArray());
    }
  }

  /** The paths; never a password. */
  @Override
  public String toString() {
    return "TlsMaterial{keyStore=" + keyStore + ", trustStore=" + trustStore + '}';
  }
}
