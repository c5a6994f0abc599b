package io.hcp360.match.rules;

import java.util.Objects;

/** A level with its starting m and u probabilities (training replaces them). */
public record LevelSpec(Level level, double m, double u) {
  public LevelSpec {
    Objects.requireNonNull(level, "level");
    if (!(m > 0 && m <= 1) || !(u > 0 && u <= 1)) {
      throw new IllegalArgumentException("m and u must be in (0, 1]");
    }
  }
}
