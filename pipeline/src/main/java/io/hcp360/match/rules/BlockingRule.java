package io.hcp360.match.rules;

import java.util.List;
import java.util.Objects;

/**
 * Records sharing the values of all these fields are candidate pairs.
 *
 * @param words whether a value counts word by word: "moreno munoz" shares a block with "moreno"
 *     and with "munoz" (double surnames, one of them dropped)
 */
public record BlockingRule(String name, List<String> fields, boolean words) {
  public BlockingRule {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(name + ": a blocking rule needs at least one field");
    }
  }

  /** A rule on whole values. */
  public BlockingRule(String name, List<String> fields) {
    this(name, fields, false);
  }
}
