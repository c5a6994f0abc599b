package io.hcp360.standardize;

import java.util.Objects;

/**
 * A registry number of a health professional.
 *
 * @param type the registry (NPI, RPPS, LANR, COLEGIADO, GMC), null when it is not known
 * @param value the digits of the number
 * @param valid whether the number has the registry's format (and check digit, where it has one)
 */
public record NationalId(String type, String value, boolean valid) {
  public NationalId {
    Objects.requireNonNull(value, "value");
    if (type == null && valid) {
      throw new IllegalArgumentException("an identifier of no known registry cannot be valid");
    }
  }
}
