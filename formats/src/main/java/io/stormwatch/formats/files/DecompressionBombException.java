package io.stormwatch.formats.files;

import java.io.IOException;

/** A compressed file expanded far more than any real recording does. */
final class DecompressionBombException extends IOException {
  private static final long serialVersionUID = 1L;

  DecompressionBombException(String message) {
    super(message);
  }
}
