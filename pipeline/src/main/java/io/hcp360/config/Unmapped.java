package io.hcp360.config;

/** What happens to a value that a code list does not list. */
public enum Unmapped {
  /** It passes through as it is. */
  KEEP,
  /** The row is rejected. */
  REJECT,
  /** The value is dropped. */
  BLANK
}
