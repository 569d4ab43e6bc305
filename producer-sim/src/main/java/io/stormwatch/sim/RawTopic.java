package io.stormwatch.sim;

/** The raw topic a simulated record belongs on; the caller maps each to a topic name. */
public enum RawTopic {
  /** Unified Audit Log records as the Office 365 Management Activity API returns them. */
  UAL,
  /** Entra ID sign-in records as diagnostic settings stream them to an Event Hub. */
  SIGN_IN
}
