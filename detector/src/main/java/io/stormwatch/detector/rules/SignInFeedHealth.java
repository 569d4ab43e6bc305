package io.stormwatch.detector.rules;

/** What a tenant's sign-in feed's silences at some hours say about the tokens issued in them. */
public enum SignInFeedHealth {
  /** No silence, or only at hours the tenant is usually quiet: every issuance was seen. */
  HEALTHY,
  /** Too little history at those hours to know the tenant's rhythm. */
  UNKNOWN,
  /** Silent at hours the tenant is rarely silent at: issuances may be missing. */
  FAILED
}
