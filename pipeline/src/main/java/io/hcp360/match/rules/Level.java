package io.hcp360.match.rules;

/**
 * A level of a comparison: a test on the two records' values of a field. A comparison's levels
 * are tried in order; the first that holds is the pair's level. Absent values (the null level)
 * are handled before any level and weigh nothing.
 */
public sealed interface Level {

  /** How explanations and parameter files name the level. */
  String label();

  /** The values are equal. */
  record Exact() implements Level {
    @Override
    public String label() {
      return "exact";
    }
  }

  /** Jaro-Winkler similarity at or above a threshold. */
  record JaroWinkler(double threshold) implements Level {
    public JaroWinkler {
      if (threshold <= 0 || threshold > 1) {
        throw new IllegalArgumentException("threshold must be in (0, 1]");
      }
    }

    @Override
    public String label() {
      return "jaro_winkler>=" + threshold;
    }
  }

  /** Levenshtein distance at or below a number of edits. */
  record Levenshtein(int maxEdits) implements Level {
    @Override
    public String label() {
      return "levenshtein<=" + maxEdits;
    }
  }

  /** The first characters agree (an initial against a name, or two initials). */
  record Prefix(int length) implements Level {
    @Override
    public String label() {
      return "prefix" + length;
    }
  }

  /**
   * The values share a whole word: "moreno" and "moreno munoz", "garcia lopez" and "lopez"
   * (double and hyphenated surnames, one of them dropped).
   */
  record SharesToken() implements Level {
    @Override
    public String label() {
      return "shares_token";
    }
  }

  /**
   * The value equals the other record's value of another field, both ways round: a first name
   * and a last name written in the wrong order.
   */
  record Swapped(String otherField) implements Level {
    @Override
    public String label() {
      return "swapped_with_" + otherField;
    }
  }

  /**
   * Both records have a value, whatever it is. After an exact level on the same field it means
   * "both known, and different": two work email domains of two organisations.
   */
  record BothPresent() implements Level {
    @Override
    public String label() {
      return "both_present";
    }
  }

  /** Anything else: the values disagree. */
  record Else() implements Level {
    @Override
    public String label() {
      return "else";
    }
  }
}
