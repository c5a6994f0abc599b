package io.hcp360.match.scoring;

import io.hcp360.match.blocking.PairList;
import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.BlockingRule;
import io.hcp360.match.rules.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates the model from the data: u from random pairs (nearly all of them non-matches), m by
 * expectation-maximisation over the candidate pairs of each blocking rule in turn, leaving out the
 * comparisons of the fields that rule blocks on (they agree by construction), as Splink does.
 * Steward labels then refine m ({@link #withLabels}).
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
  private static final long MAX_RANDOM_PAIRS = 2_000_000;
  private static final int MAX_EM_PAIRS = 400_000;
  private static final int MAX_ITERATIONS = 30;
  private static final double CONVERGED = 1e-5;

  private final RuleSet rules;
  private final PartyData data;
  private final List<ComparisonEvaluator> evaluators;

  public Trainer(RuleSet rules, PartyData data) {
    this.rules = rules;
    this.data = data;
    this.evaluators = rules.comparisons().stream()
        .map(c -> new ComparisonEvaluator(c, data)).toList();
  }

  public Parameters train(Parameters start, PairList candidates, long seed) {
    double[][] u = estimateU(seed);
    double[][] m = start.m();
    double[][] sum = new double[m.length][];
    int[] sessions = new int[m.length];
    for (int c = 0; c < m.length; c++) {
      sum[c] = new double[m[c].length];
    }
    for (BlockingRule rule : rules.blocking()) {
      boolean[] excluded = new boolean[evaluators.size()];
      for (int c = 0; c < excluded.length; c++) {
        excluded[c] = rule.fields().stream()
            .anyMatch(rules.comparisons().get(c).fields()::contains);
      }
      byte[][] levels = levels(pairsOf(rule, candidates));
      if (levels.length < 10) {
        continue;
      }
      double[][] ruleM = em(levels, start.m(), u, excluded);
      for (int c = 0; c < m.length; c++) {
        if (!excluded[c]) {
          for (int l = 0; l < m[c].length; l++) {
            sum[c][l] += ruleM[c][l];
          }
          sessions[c]++;
        }
      }
      LOG.info("  EM over {} pairs of blocking rule {}", String.format("%,d", levels.length),
          rule.name());
    }
    for (int c = 0; c < m.length; c++) {
      if (sessions[c] > 0) {
        for (int l = 0; l < m[c].length; l++) {
          m[c][l] = sum[c][l] / sessions[c];
        }
      }
    }
    double matchesPerRecord = expectedMatches(m, u, candidates) / Math.max(1, data.size());
    return start.with(m, u, matchesPerRecord, data.size(), Instant.now().toString());
  }

  /**
   * How many labelled pairs the EM estimate of m counts for when it is blended with the labels:
   * with fewer approvals than this EM dominates, with many more the labels do.
   */
  public static final double EM_PSEUDO_COUNT = 20;

  /**
   * Refines m with pairs a steward labelled as matches (approvals and links): per comparison,
   * the labels' level counts are blended with EM's m as a Dirichlet prior worth
   * {@link #EM_PSEUDO_COUNT} pairs, m = (n_level + K m_em) / (n + K), n counting the labelled
   * pairs whose level is not null. Non-matches do not enter m (they are the hard cases of the
   * review band, not a sample of non-matching pairs; u comes from random pairs).
   *
   * @param matches record pairs labelled as matches, {a, b} each
   */
  public Parameters withLabels(Parameters em, int[][] matches) {
    if (matches.length == 0) {
      return em;
    }
    double[][] m = em.m();
    for (int c = 0; c < m.length; c++) {
      double[] counts = new double[m[c].length];
      double n = 0;
      for (int[] pair : matches) {
        byte level = evaluators.get(c).level(pair[0], pair[1]);
        if (level != ComparisonEvaluator.NULL_LEVEL) {
          counts[level]++;
          n++;
        }
      }
      for (int l = 0; l < m[c].length; l++) {
        m[c][l] = (counts[l] + EM_PSEUDO_COUNT * m[c][l]) / (n + EM_PSEUDO_COUNT);
      }
    }
    LOG.info("  m refined with {} pairs labelled as matches", matches.length);
    return em.with(m, em.u(), em.matchesPerRecord(), em.trainedOn(), em.trainedAt());
  }

  /** u: the share of each level among random pairs (smoothed so none is zero). */
  double[][] estimateU(long seed) {
    int n = data.size();
    long all = (long) n * (n - 1) / 2;
    long[][] counts = new long[evaluators.size()][];
    for (int c = 0; c < counts.length; c++) {
      counts[c] = new long[rules.comparisons().get(c).levels().size()];
    }
    if (all <= MAX_RANDOM_PAIRS) {
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          count(counts, a, b);
        }
      }
    } else {
      SplittableRandom random = new SplittableRandom(seed);
      for (long i = 0; i < MAX_RANDOM_PAIRS; i++) {
        int a = random.nextInt(n);
        int b = random.nextInt(n - 1);
        count(counts, a, b >= a ? b + 1 : b);
      }
    }
    double[][] u = new double[counts.length][];
    for (int c = 0; c < counts.length; c++) {
      long total = 0;
      for (long x : counts[c]) {
        total += x;
      }
      u[c] = new double[counts[c].length];
      for (int l = 0; l < u[c].length; l++) {
        u[c][l] = (counts[c][l] + 0.5) / (total + 0.5 * u[c].length);
      }
    }
    return u;
  }

  private void count(long[][] counts, int a, int b) {
    for (int c = 0; c < evaluators.size(); c++) {
      byte level = evaluators.get(c).level(a, b);
      if (level != ComparisonEvaluator.NULL_LEVEL) {
        counts[c][level]++;
      }
    }
  }

  /** The candidate pairs that agree on all of a rule's fields (a sample when there are many). */
  private long[] pairsOf(BlockingRule rule, PairList candidates) {
    List<FieldColumn> columns = rule.fields().stream().map(data::column).toList();
    PairList agreeing = new PairList();
    for (int i = 0; i < candidates.size(); i++) {
      long pair = candidates.get(i);
      int a = PairList.left(pair);
      int b = PairList.right(pair);
      boolean agree = true;
      for (FieldColumn column : columns) {
        if (!column.present(a) || column.code(a) != column.code(b)) {
          agree = false;
          break;
        }
      }
      if (agree) {
        agreeing.add(a, b);
      }
    }
    int step = Math.max(1, agreeing.size() / MAX_EM_PAIRS);
    return IntStream.range(0, agreeing.size()).filter(i -> i % step == 0)
        .mapToLong(agreeing::get).toArray();
  }

  private byte[][] levels(long[] pairs) {
    return IntStream.range(0, pairs.length).parallel().mapToObj(i -> {
      int a = PairList.left(pairs[i]);
      int b = PairList.right(pairs[i]);
      byte[] levels = new byte[evaluators.size()];
      for (int c = 0; c < levels.length; c++) {
        levels[c] = evaluators.get(c).level(a, b);
      }
      return levels;
    }).toArray(byte[][]::new);
  }

  /** Expectation-maximisation of m (u fixed) over pairs, ignoring excluded comparisons. */
  static double[][] em(byte[][] pairs, double[][] startM, double[][] u, boolean[] excluded) {
    double[][] m = new double[startM.length][];
    for (int c = 0; c < m.length; c++) {
      m[c] = startM[c].clone();
    }
    double lambda = 0.5;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[][] expected = new double[m.length][];
      double[] totals = new double[m.length];
      for (int c = 0; c < m.length; c++) {
        expected[c] = new double[m[c].length];
      }
      double sumP = 0;
      for (byte[] levels : pairs) {
        double logM = Math.log(lambda);
        double logU = Math.log(1 - lambda);
        for (int c = 0; c < levels.length; c++) {
          if (!excluded[c] && levels[c] != ComparisonEvaluator.NULL_LEVEL) {
            logM += Math.log(m[c][levels[c]]);
            logU += Math.log(u[c][levels[c]]);
          }
        }
        double p = 1 / (1 + Math.exp(logU - logM));
        sumP += p;
        for (int c = 0; c < levels.length; c++) {
          if (levels[c] != ComparisonEvaluator.NULL_LEVEL) {
            expected[c][levels[c]] += p;
            totals[c] += p;
          }
        }
      }
      double change = 0;
      for (int c = 0; c < m.length; c++) {
        if (excluded[c] || totals[c] == 0) {
          continue;
        }
        for (int l = 0; l < m[c].length; l++) {
          double updated = (expected[c][l] + 1e-3) / (totals[c] + 1e-3 * m[c].length);
          change = Math.max(change, Math.abs(updated - m[c][l]));
          m[c][l] = updated;
        }
      }
      lambda = Math.min(0.999, Math.max(1e-6, sumP / pairs.length));
      if (change < CONVERGED) {
        break;
      }
    }
    return m;
  }

  /** The expected number of matching pairs among the candidates, under m and u. */
  private double expectedMatches(double[][] m, double[][] u, PairList candidates) {
    long[] all = candidates.toArray();
    byte[][] levels = levels(all);
    double lambda = 0.5;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double sumP = 0;
      for (byte[] pair : levels) {
        double logM = Math.log(lambda);
        double logU = Math.log(1 - lambda);
        for (int c = 0; c < pair.length; c++) {
          if (pair[c] != ComparisonEvaluator.NULL_LEVEL) {
            logM += Math.log(m[c][pair[c]]);
            logU += Math.log(u[c][pair[c]]);
          }
        }
        sumP += 1 / (1 + Math.exp(logU - logM));
      }
      double updated = Math.min(0.999, Math.max(1e-9, sumP / Math.max(1, levels.length)));
      if (Math.abs(updated - lambda) < CONVERGED) {
        lambda = updated;
        break;
      }
      lambda = updated;
    }
    return lambda * levels.length;
  }
}
