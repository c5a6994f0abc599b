package io.hcp360.standardize;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts of raw values, for reporting the values a standardizer did not know. */
final class Tally {
  private final Map<String, Integer> counts = new HashMap<>();
  private long total;

  void add(String value) {
    counts.merge(value, 1, Integer::sum);
    total++;
  }

  long total() {
    return total;
  }

  /** The most frequent values, most frequent first, then alphabetically, as "value (count)". */
  List<String> top(int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")")
        .toList();
  }
}
