package io.hcp360.match;

/** What happens to a scored pair. */
public enum PairDecision {
  /** The pair merges. */
  MATCH,
  /** The pair goes to the merge queue for a steward. */
  REVIEW,
  /** The pair stays apart. */
  NON_MATCH;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
