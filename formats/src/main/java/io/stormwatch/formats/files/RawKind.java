package io.stormwatch.formats.files;

/** Which log a raw record belongs to, decided from its fields. */
public enum RawKind {
  /** A Unified Audit Log record: send it to the UAL parser / {@code m365.audit.raw}. */
  UNIFIED_AUDIT_LOG,
  /** An Entra ID sign-in record: send it to the sign-in parser / {@code entra.signin.raw}. */
  ENTRA_SIGN_IN,
  /**
   * Not readable as either (broken JSON, not an object, unknown shape): count or dead-letter it.
   */
  UNKNOWN
}
