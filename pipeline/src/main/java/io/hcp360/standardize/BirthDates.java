package io.hcp360.standardize;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Dates of birth as ingest stores them in a party's extras (ISO 8601); null when not a date. */
final class BirthDates {
  private BirthDates() {}

  static String parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip()).toString();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
