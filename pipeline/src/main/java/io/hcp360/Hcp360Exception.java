package io.hcp360;

/**
 * The one unchecked root of every hcp360 failure. Subclasses carry the context a steward needs to
 * act on the message (file, line, setting); a bad input row is never an exception but a reject.
 */
public class Hcp360Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Hcp360Exception(String message) {
    super(message);
  }

  public Hcp360Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
