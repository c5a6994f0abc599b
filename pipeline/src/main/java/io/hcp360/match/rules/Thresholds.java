package io.hcp360.match.rules;

/**
 * The two match-weight thresholds: at or above {@code match} a pair merges; from {@code review}
 * up to it, the pair goes to the merge queue; below, it is a non-match.
 */
public record Thresholds(double match, double review) {
  public Thresholds {
    if (review > match) {
      throw new IllegalArgumentException("the review threshold must not be above the match one");
    }
  }
}
