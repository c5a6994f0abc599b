package io.hcp360.steward;

import io.hcp360.Hcp360Exception;

/** A steward action that cannot be done as asked: an unknown item, record or golden ID. */
public final class StewardException extends Hcp360Exception {
  private static final long serialVersionUID = 1L;

  public StewardException(String message) {
    super(message);
  }
}
