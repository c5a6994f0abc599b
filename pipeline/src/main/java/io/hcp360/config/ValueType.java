package io.hcp360.config;

/** The type of a canonical field or extra attribute: how its text is parsed and stored. */
public enum ValueType {
  TEXT,
  /** A person's whole name, split into its parts on the way in; never stored as such. */
  NAME,
  DATE,
  TIMESTAMP,
  INTEGER;

  public boolean isTemporal() {
    return this == DATE || this == TIMESTAMP;
  }
}
