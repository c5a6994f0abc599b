package io.hcp360.match.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * For records that found no candidate: a Lucene fuzzy query on one field, optionally restricted
 * to records sharing another field exactly.
 *
 * @param prefixLength leading characters that must agree (keeps the query fast)
 * @param limit the most candidates a record gets
 */
public record FuzzyLookup(String field, int maxEdits, int prefixLength,
    Optional<String> sameField, int limit) {
  public FuzzyLookup {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(sameField, "sameField");
    if (maxEdits < 1 || maxEdits > 2) {
      throw new IllegalArgumentException("max_edits must be 1 or 2");
    }
  }
}
