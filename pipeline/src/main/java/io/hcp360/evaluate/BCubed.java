package io.hcp360.evaluate;

/**
 * B-cubed precision and recall (Bagga and Baldwin, 1998): per record, the share of its
 * predicted cluster that truly belongs with it, and the share of its true cluster that was
 * found with it, averaged over the records. Unlike pairwise figures, a large cluster does not
 * weigh quadratically.
 */
public record BCubed(double precision, double recall) {
  public BCubed {
    if (!(precision >= 0 && precision <= 1 && recall >= 0 && recall <= 1)) {
      throw new IllegalArgumentException("B-cubed precision and recall are between 0 and 1: "
          + precision + ", " + recall);
    }
  }

  /** B-cubed over the records present in both clusterings. */
  public static BCubed of(Clusters truth, Clusters predicted) {
    return Contingency.of(truth, predicted).bCubed();
  }

  public double f1() {
    return Metrics.harmonicMean(precision, recall);
  }
}
