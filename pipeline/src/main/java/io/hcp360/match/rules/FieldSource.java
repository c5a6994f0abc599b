package io.hcp360.match.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a rule-set field's values come from: a column of {@code hcp.party} or an extra attribute,
 * optionally only where a boolean column says the value is valid (an invalid NPI is no proof).
 */
public record FieldSource(String name, Optional<String> column, Optional<String> extra,
    Optional<String> validIf) {

  public FieldSource {
    Objects.requireNonNull(name, "name");
    if (column.isPresent() == extra.isPresent()) {
      throw new IllegalArgumentException(name + ": exactly one of column or extra");
    }
    Objects.requireNonNull(validIf, "validIf");
  }
}
