package io.hcp360.db;

import io.hcp360.Hcp360Exception;

/** The database could not be started, reached or migrated. */
public final class DatabaseException extends Hcp360Exception {
  private static final long serialVersionUID = 1L;

  public DatabaseException(String message) {
    super(message);
  }

  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
