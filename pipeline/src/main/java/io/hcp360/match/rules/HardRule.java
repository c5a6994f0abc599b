package io.hcp360.match.rules;

import java.util.Objects;

/**
 * A rule that decides whatever the score: two records with different (valid) values of the field
 * never merge, or two with the same value always merge.
 */
public record HardRule(Kind kind, String field) {

  public enum Kind {
    NEVER_MERGE_DIFFERENT("never_merge_different"),
    ALWAYS_MERGE_SAME("always_merge_same");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public HardRule {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
  }

  public String label() {
    return kind.key() + ":" + field;
  }
}
