package io.hcp360.evaluate;

/**
 * Pairwise counts: a pair of records is predicted when both are in one predicted cluster, and
 * true when both are in one true cluster. A true positive is both.
 *
 * <p>With no predicted pairs the precision is 1 (no pair was merged wrongly); with no true pairs
 * the recall is 1 (no pair was missed). So a perfect clustering scores 1 even when every cluster
 * is a single record.
 */
public record PairCounts(long truePositives, long falsePositives, long falseNegatives) {
  public static final PairCounts NONE = new PairCounts(0, 0, 0);

  public PairCounts {
    if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException("negative pair count: " + truePositives + "/"
          + falsePositives + "/" + falseNegatives);
    }
  }

  /** The counts from the number of true positives, predicted pairs and true pairs. */
  static PairCounts of(long truePositives, long predictedPairs, long truePairs) {
    return new PairCounts(truePositives, predictedPairs - truePositives,
        truePairs - truePositives);
  }

  public long predictedPairs() {
    return truePositives + falsePositives;
  }

  public long truePairs() {
    return truePositives + falseNegatives;
  }

  public double precision() {
    return predictedPairs() == 0 ? 1.0 : (double) truePositives / predictedPairs();
  }

  public double recall() {
    return truePairs() == 0 ? 1.0 : (double) truePositives / truePairs();
  }

  public double f1() {
    return Metrics.harmonicMean(precision(), recall());
  }

  PairCounts plus(PairCounts other) {
    return new PairCounts(truePositives + other.truePositives,
        falsePositives + other.falsePositives, falseNegatives + other.falseNegatives);
  }
}
