package io.hcp360.match.scoring;

import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.Level;
import io.hcp360.match.rules.RuleSet;
import java.util.List;

/**
 * Fellegi–Sunter weights: a pair's match weight is the prior's log-odds plus, for every
 * comparison, log2(m / u) of the level it reached. An exact match on a field with term-frequency
 * adjustment uses the value's own frequency for u, so a common surname counts less than a rare
 * one.
 */
public final class Scorer {
  private final List<ComparisonEvaluator> evaluators;
  private final double[][] weights;
  private final double[][] m;
  private final double[][] u;
  private final boolean[][] termFrequency;
  private final double priorWeight;
  private final int records;

  public Scorer(RuleSet rules, Parameters parameters, PartyData data) {
    this.evaluators = rules.comparisons().stream()
        .map(c -> new ComparisonEvaluator(c, data)).toList();
    this.m = parameters.m();
    this.u = parameters.u();
    this.records = data.frequencyBasis();
    this.weights = new double[m.length][];
    this.termFrequency = new boolean[m.length][];
    for (int c = 0; c < m.length; c++) {
      Comparison comparison = rules.comparisons().get(c);
      weights[c] = new double[m[c].length];
      termFrequency[c] = new boolean[m[c].length];
      for (int l = 0; l < m[c].length; l++) {
        weights[c][l] = log2(m[c][l] / u[c][l]);
        termFrequency[c][l] = comparison.termFrequency()
            && comparison.levels().get(l).level() instanceof Level.Exact;
      }
    }
    double prior = parameters.prior(data.frequencyBasis());
    this.priorWeight = log2(prior / (1 - prior));
  }

  public List<ComparisonEvaluator> evaluators() {
    return evaluators;
  }

  public double priorWeight() {
    return priorWeight;
  }

  /** The levels a pair reaches, one per comparison. */
  public byte[] levels(int a, int b) {
    byte[] levels = new byte[evaluators.size()];
    for (int c = 0; c < levels.length; c++) {
      levels[c] = evaluators.get(c).level(a, b);
    }
    return levels;
  }

  /** The weight of comparison c at a level for records a and b (0 for the null level). */
  public double weight(int c, byte level, int a) {
    if (level == ComparisonEvaluator.NULL_LEVEL) {
      return 0;
    }
    if (termFrequency[c][level]) {
      FieldColumn column = evaluators.get(c).column(level);
      double uValue = (double) column.frequency(column.code(a)) / records;
      uValue = Math.max(u[c][level] / 10, Math.min(1, uValue));
      return log2(m[c][level] / uValue);
    }
    return weights[c][level];
  }

  /** The pair's match weight: prior plus the weights of its levels. */
  public double score(byte[] levels, int a) {
    double score = priorWeight;
    for (int c = 0; c < levels.length; c++) {
      score += weight(c, levels[c], a);
    }
    return score;
  }

  /**
   * A record's match weight against a group of records taken as one person: per comparison, the
   * best level that any member reaches with it (a group holds all its values: old addresses, a
   * maiden name, a second email). A comparison is null only when it is null with every member,
   * so a member's value that disagrees counts only when no member agrees: a name-only record
   * with a work email of another organisation than the group's is evidence against, however
   * many of the group's records have no email.
   */
  public double scoreAgainst(int record, int[] members) {
    int n = evaluators.size();
    double[] best = new double[n];
    boolean[] present = new boolean[n];
    for (int member : members) {
      if (member == record) {
        continue;
      }
      byte[] levels = levels(record, member);
      for (int c = 0; c < n; c++) {
        if (levels[c] != ComparisonEvaluator.NULL_LEVEL) {
          double w = weight(c, levels[c], record);
          if (!present[c] || w > best[c]) {
            best[c] = w;
            present[c] = true;
          }
        }
      }
    }
    double score = priorWeight;
    for (int c = 0; c < n; c++) {
      score += best[c];
    }
    return score;
  }

  /** The probability of a match for a match weight. */
  public static double probability(double weight) {
    double odds = Math.pow(2, weight);
    return odds / (1 + odds);
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
