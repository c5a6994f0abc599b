package io.hcp360.match.rules;

import java.util.List;
import java.util.Objects;

/** Records sharing the values of all these fields are candidate pairs. */
public record BlockingRule(String name, List<String> fields) {
  public BlockingRule {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(name + ": a blocking rule needs at least one field");
    }
  }
}
