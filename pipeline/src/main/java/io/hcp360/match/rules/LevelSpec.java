package io.hcp360.match.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * A level with its starting m and u probabilities (training replaces them).
 *
 * @param field the field this level tests when it is not the comparison's own: a location
 *     comparison can say "same street address, else same postal code, else same city" so that
 *     agreeing fields that go together are counted once
 */
public record LevelSpec(Level level, double m, double u, Optional<String> field) {
  public LevelSpec {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(field, "field");
    if (!(m > 0 && m <= 1) || !(u > 0 && u <= 1)) {
      throw new IllegalArgumentException("m and u must be in (0, 1]");
    }
  }

  /** How explanations and parameter files name the level: "exact", "postal_code:exact". */
  public String label() {
    return field.map(f -> f + ":" + level.label()).orElse(level.label());
  }

  /** A level on the comparison's own field. */
  public LevelSpec(Level level, double m, double u) {
    this(level, m, u, Optional.empty());
  }
}
