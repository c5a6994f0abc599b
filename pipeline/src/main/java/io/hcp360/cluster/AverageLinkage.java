package io.hcp360.cluster;

import io.hcp360.match.scoring.Scorer;

/**
 * Lets two clusters join only if the average match weight of their records taken across (every
 * record of one against every record of the other) reaches a threshold.
 */
final class AverageLinkage implements ConstrainedClustering.LinkageGuard {
  /** Beyond this many pairs across, the average is taken over a sample. */
  private static final int MAX_PAIRS = 400;

  private final Scorer scorer;
  private final double threshold;

  AverageLinkage(Scorer scorer, double threshold) {
    this.scorer = scorer;
    this.threshold = threshold;
  }

  @Override
  public boolean allows(int[] left, int[] right) {
    if (left.length == 1 && right.length == 1) {
      return true;
    }
    long pairs = (long) left.length * right.length;
    int step = (int) Math.max(1, pairs / MAX_PAIRS);
    double sum = 0;
    int n = 0;
    for (long i = 0; i < pairs; i += step) {
      int a = left[(int) (i / right.length)];
      int b = right[(int) (i % right.length)];
      sum += scorer.score(scorer.levels(a, b), a);
      n++;
    }
    return sum / n >= threshold;
  }
}
