package io.hcp360.match.rules;

import java.util.List;
import java.util.Objects;

/**
 * How two records are compared on one field: an ordered list of levels, the last of which is
 * {@link Level.Else}.
 *
 * @param termFrequency whether an exact match on a common value weighs less than on a rare one
 */
public record Comparison(String name, String field, List<LevelSpec> levels,
    boolean termFrequency) {

  public Comparison {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(field, "field");
    levels = List.copyOf(levels);
    if (levels.isEmpty() || !(levels.get(levels.size() - 1).level() instanceof Level.Else)) {
      throw new IllegalArgumentException(name + ": the last level must be else");
    }
  }
}
