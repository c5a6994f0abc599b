package io.hcp360.match.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How two records are compared on one field: an ordered list of levels, the last of which is
 * {@link Level.Else}. A level may test another field than the comparison's own (see
 * {@link LevelSpec#field}).
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

  /** The field a level tests: its own, or the comparison's. */
  public String fieldOf(int level) {
    return levels.get(level).field().orElse(field);
  }

  /** Every field the comparison reads, its own first. */
  public Set<String> fields() {
    Set<String> fields = new LinkedHashSet<>();
    fields.add(field);
    for (LevelSpec level : levels) {
      level.field().ifPresent(fields::add);
    }
    return fields;
  }
}
