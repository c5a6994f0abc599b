package io.hcp360.steward;

import java.util.Locale;

/** Whether a decision is in force. */
public enum DecisionStatus {
  /** Applied by every run. */
  ACTIVE,
  /** Not applied (and not dropped): a record changed since, or it conflicts; back in the queue. */
  NEEDS_REVIEW,
  /** Replaced by a later decision on the same pair. */
  SUPERSEDED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DecisionStatus of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
