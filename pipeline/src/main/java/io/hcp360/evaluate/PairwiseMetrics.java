package io.hcp360.evaluate;

/** Pairwise precision, recall and F1 of a clustering against the truth. */
public final class PairwiseMetrics {
  private PairwiseMetrics() {}

  /** The pairwise counts over the records present in both clusterings. */
  public static PairCounts of(Clusters truth, Clusters predicted) {
    return Contingency.of(truth, predicted).pairs();
  }
}
