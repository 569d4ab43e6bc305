package io.stormwatch.schemas.serde;

import io.stormwatch.schemas.avro.AuditEvent;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes named in a schema unless they are trusted; the classes
 * generated from our own schemas are.
 */
final class TrustedGeneratedClasses {

  private static final String GENERATED_PACKAGE = AuditEvent.class.getPackageName();

  static {
    var previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        type -> GENERATED_PACKAGE.equals(type.getPackageName()) || previous.isTrusted(type));
  }

  private TrustedGeneratedClasses() {}

  /** Installs the trust once per JVM; later calls do nothing. */
  static void ensureTrusted() {
    // Loading this class ran the static initialiser.
  }
}
