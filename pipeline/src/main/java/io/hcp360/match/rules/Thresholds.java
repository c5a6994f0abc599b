package io.hcp360.match.rules;

/**
 * The two match-weight thresholds: at or above {@code match} a pair merges; from {@code review}
 * up to it, the pair goes to the merge queue; below, it is a non-match.
 *
 * @param ambiguityMargin a record that matches two records which do not match each other, by
 *     scores less than this many bits apart, cannot tell which one it is: its matches go to
 *     review instead. Zero turns the check off.
 * @param certain a match at least this strong is never taken back as ambiguous: a record that
 *     matches two records this well is one person with them, even if they (a moved address,
 *     say) do not match each other
 * @param together two groups of records are one person only if their records, taken across,
 *     average at least this match weight: clustering joins two clusters on a match only then
 *     (the chain guard), and the ambiguity check takes groups below it for different people
 */
public record Thresholds(double match, double review, double ambiguityMargin, double certain,
    double together) {
  public Thresholds {
    if (review > match) {
      throw new IllegalArgumentException("the review threshold must not be above the match one");
    }
    if (ambiguityMargin < 0) {
      throw new IllegalArgumentException("the ambiguity margin must not be negative");
    }
  }

  /** Thresholds without the ambiguity check. */
  public Thresholds(double match, double review) {
    this(match, review, 0, Double.POSITIVE_INFINITY, review);
  }
}
