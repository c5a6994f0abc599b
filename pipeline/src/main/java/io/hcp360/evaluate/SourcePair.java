package io.hcp360.evaluate;

import java.util.Objects;

/** Two source systems, sorted: a pair of records of these systems, in either order. */
public record SourcePair(String first, String second) {
  public SourcePair {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.compareTo(second) > 0) {
      throw new IllegalArgumentException("systems of a source pair go in alphabetical order: "
          + first + ", " + second);
    }
  }

  /** The pair of two systems, in whichever order they come. */
  public static SourcePair of(String a, String b) {
    return a.compareTo(b) <= 0 ? new SourcePair(a, b) : new SourcePair(b, a);
  }

  /** For example {@code crm-events}. */
  @Override
  public String toString() {
    return first + "-" + second;
  }
}
