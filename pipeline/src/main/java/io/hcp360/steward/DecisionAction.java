package io.hcp360.steward;

import java.util.Locale;

/** What a steward did; approvals and links are must-links, the others cannot-links. */
public enum DecisionAction {
  APPROVE, REJECT, LINK, SPLIT, UNMERGE;

  public boolean mustLink() {
    return this == APPROVE || this == LINK;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code must_link} or {@code cannot_link}, as stored. */
  public String kind() {
    return mustLink() ? "must_link" : "cannot_link";
  }

  public static DecisionAction of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
