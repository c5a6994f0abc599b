package io.hcp360.evaluate;

import java.util.List;

/**
 * How well a clustering (the published golden records) matches the truth, over the records
 * present in both.
 *
 * @param commonRecords records in both the truth and the clustering; every figure is over these
 * @param truthOnly truth records the clustering does not have (not published)
 * @param predictedOnly records of the clustering that the truth does not have
 * @param pairwise pairwise true positives, false positives and false negatives
 * @param bCubed B-cubed precision and recall
 * @param bySourcePair the pairwise counts by pair of systems, most true pairs first
 */
public record Evaluation(long commonRecords, long truthOnly, long predictedOnly,
    PairCounts pairwise, BCubed bCubed, List<SourcePairBreakdown.Line> bySourcePair) {

  public Evaluation {
    if (commonRecords < 0 || truthOnly < 0 || predictedOnly < 0) {
      throw new IllegalArgumentException("negative record count");
    }
    bySourcePair = List.copyOf(bySourcePair);
  }

  /** Evaluates {@code predicted} against {@code truth}. */
  public static Evaluation of(Clusters truth, Clusters predicted) {
    Contingency table = Contingency.of(truth, predicted);
    return new Evaluation(table.records(), truth.size() - table.records(),
        predicted.size() - table.records(), table.pairs(), table.bCubed(),
        SourcePairBreakdown.of(table));
  }
}
