package io.hcp360.steward;

import java.util.Locale;
import java.util.Set;

/** Where a queue item stands. */
public enum ItemStatus {
  /** In the review band of the last run, not decided yet. */
  OPEN,
  /** A decision on this pair was flagged: a record changed since, or it conflicts with another. */
  NEEDS_REVIEW,
  /** Approved: a must-link. */
  APPROVED,
  /** Rejected: a cannot-link. */
  REJECTED,
  /** No longer in the review band (kept; reopened with the same ID if it comes back). */
  GONE;

  /** What a steward still has to look at: re-review and open items. */
  public static final Set<ItemStatus> PENDING = Set.of(NEEDS_REVIEW, OPEN);

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ItemStatus of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
