package io.hcp360.match.scoring;

import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.LevelSpec;
import io.hcp360.match.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The model's parameters: for every comparison and level, m (the probability of the level among
 * matching pairs) and u (among non-matching pairs), and how many matching pairs a record has on
 * average (which, with the number of records, gives the prior).
 *
 * @param fingerprint the rule set's fingerprint they were trained for
 * @param m indexed [comparison][level]
 * @param u indexed [comparison][level]
 */
public record Parameters(String ruleSet, String version, String fingerprint, double[][] m,
    double[][] u, double matchesPerRecord, int trainedOn, String trainedAt) {

  public Parameters {
    Objects.requireNonNull(ruleSet, "ruleSet");
    Objects.requireNonNull(fingerprint, "fingerprint");
    m = deepCopy(m);
    u = deepCopy(u);
  }

  /** The starting parameters written in the rule set. */
  public static Parameters initial(RuleSet rules) {
    List<double[]> m = new ArrayList<>();
    List<double[]> u = new ArrayList<>();
    for (Comparison c : rules.comparisons()) {
      m.add(c.levels().stream().mapToDouble(LevelSpec::m).toArray());
      u.add(c.levels().stream().mapToDouble(LevelSpec::u).toArray());
    }
    return new Parameters(rules.name(), rules.version(), rules.fingerprint(),
        m.toArray(double[][]::new), u.toArray(double[][]::new), 1.5, 0, "never");
  }

  /** The prior probability that two records picked at random match, for {@code records}. */
  public double prior(int records) {
    if (records < 2) {
      return 0.5;
    }
    return Math.min(0.5, 2 * matchesPerRecord / (records - 1.0));
  }

  public Parameters with(double[][] newM, double[][] newU, double newMatchesPerRecord,
      int records, String at) {
    return new Parameters(ruleSet, version, fingerprint, newM, newU, newMatchesPerRecord,
        records, at);
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] copy = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      copy[i] = a[i].clone();
    }
    return copy;
  }
}
