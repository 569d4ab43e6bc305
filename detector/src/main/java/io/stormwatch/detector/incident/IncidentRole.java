package io.stormwatch.detector.incident;

/** What a rule's alerts mean to the incident of their account. */
public enum IncidentRole {
  /** The alerts say a token of the account is misused (replayed, never issued). */
  TOKEN_MISUSE,
  /**
   * The alerts are a step an intruder takes with a stolen mailbox (an inbox rule that forwards or
   * hides mail): one severity level higher when the account's incident holds a token-misuse alert.
   */
  ESCALATED_BY_TOKEN_MISUSE,
  /** Linked into the incident, nothing more. */
  PLAIN
}
