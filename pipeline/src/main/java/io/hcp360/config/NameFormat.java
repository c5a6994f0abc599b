package io.hcp360.config;

import java.util.Optional;

/** How a full name is written in a source, for splitting it into its parts. */
public enum NameFormat {
  /** "SMITH, JOHN A", "Smith, John A., MD". */
  LAST_FIRST,
  /** "Dr. John A. Smith, MD", "John Smith Jr". */
  FIRST_LAST,
  /** A comma followed by a given name means last-first; otherwise first-last. */
  AUTO;

  public static Optional<NameFormat> parse(String text) {
    return switch (text) {
      case "last_first" -> Optional.of(LAST_FIRST);
      case "first_last" -> Optional.of(FIRST_LAST);
      case "auto" -> Optional.of(AUTO);
      default -> Optional.empty();
    };
  }
}
