package io.hcp360.web;

import io.hcp360.steward.ComparisonView;
import io.hcp360.steward.PairView;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the pair page shows of a queue item: each comparison as a row, coloured by the sign of
 * its weight, and the records' other values side by side.
 */
record PairPage(PairView pair, String score, List<Reason> reasons, List<ValueRow> values) {

  /**
   * One reason for the score: a comparison, the level it reached and its weight.
   *
   * @param tone {@code positive}, {@code negative} or {@code neutral}: the row's colour
   */
  record Reason(String comparison, String level, String weight, String tone, String leftValue,
      String rightValue) {}

  /** One value of the two records, and whether they differ. */
  record ValueRow(String name, String left, String right, boolean differs) {}

  static PairPage of(PairView pair) {
    List<Reason> reasons = pair.comparisons().stream().map(PairPage::reason).toList();
    Set<String> names = new LinkedHashSet<>(pair.left().values().keySet());
    names.addAll(pair.right().values().keySet());
    List<ValueRow> values = names.stream()
        .filter(n -> pair.left().values().get(n) != null || pair.right().values().get(n) != null)
        .map(n -> {
          String l = pair.left().values().get(n);
          String r = pair.right().values().get(n);
          return new ValueRow(n, l, r, l == null || !l.equalsIgnoreCase(r));
        })
        .toList();
    return new PairPage(pair, score(pair.item().score()), reasons, values);
  }

  private static Reason reason(ComparisonView c) {
    String tone = c.weight() > 0.005 ? "positive" : c.weight() < -0.005 ? "negative" : "neutral";
    return new Reason(c.comparison(), c.level(), signed(c.weight()), tone, c.leftValue(),
        c.rightValue());
  }

  /** A weight in bits with its sign: {@code +2.85}, {@code -3.35}, {@code 0.00}. */
  static String signed(double weight) {
    return Math.abs(weight) < 0.005 ? "0.00" : String.format(Locale.ROOT, "%+.2f", weight);
  }

  /** A score for display, or a dash when the pair was not scored. */
  static String score(Double score) {
    return score == null ? "–" : String.format(Locale.ROOT, "%.2f", score);
  }
}
