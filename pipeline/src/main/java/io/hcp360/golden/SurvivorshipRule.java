package io.hcp360.golden;

import java.util.Optional;

/** How one golden attribute's value is chosen among an HCP's records. */
public enum SurvivorshipRule {
  /** The value of the record from the most trusted source (the file's source order). */
  SOURCE_PRIORITY("source_priority"),
  /** The value of the most recently modified record. */
  MOST_RECENT("most_recent"),
  /** The longest value (a full first name over an initial). */
  MOST_COMPLETE("most_complete"),
  /** The value most records agree on. */
  MOST_FREQUENT("most_frequent");

  private final String key;

  SurvivorshipRule(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<SurvivorshipRule> of(String key) {
    for (SurvivorshipRule rule : values()) {
      if (rule.key.equals(key)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}
