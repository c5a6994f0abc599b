package io.hcp360.cluster;

import io.hcp360.match.scoring.Scorer;

/**
 * Lets two clusters join only if the records of the smaller one each find a good match in the
 * other: the average, over those records, of each one's best match weight with the other
 * cluster reaches a threshold. One record with a typo or a married name does not keep its
 * person apart (as a plain average of every pair across would); a record that matches no one
 * in the other cluster does. Records that match two different people are settled before
 * clustering ({@code io.hcp360.match.Ambiguity}).
 */
final class BestLinkGuard implements ConstrainedClustering.LinkageGuard {
  /** Beyond this many pairs across, each record's best match is sought in a sample. */
  private static final int MAX_PAIRS = 400;

  private final Scorer scorer;
  private final double threshold;

  BestLinkGuard(Scorer scorer, double threshold) {
    this.scorer = scorer;
    this.threshold = threshold;
  }

  @Override
  public boolean allows(int[] left, int[] right) {
    if (left.length == 1 && right.length == 1) {
      return true;
    }
    int[] small = left.length <= right.length ? left : right;
    int[] large = small == left ? right : left;
    int step = Math.max(1, large.length * small.length / MAX_PAIRS);
    double sum = 0;
    for (int a : small) {
      double best = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < large.length; j += step) {
        best = Math.max(best, scorer.score(scorer.levels(a, large[j]), a));
      }
      sum += best;
    }
    return sum / small.length >= threshold;
  }
}
