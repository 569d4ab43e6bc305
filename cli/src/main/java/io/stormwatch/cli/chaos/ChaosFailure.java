package io.stormwatch.cli.chaos;

/** A chaos run could not go on: a detector ended by itself or did not recover in time. */
public final class ChaosFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public ChaosFailure(String message) {
    super(message);
  }
}
