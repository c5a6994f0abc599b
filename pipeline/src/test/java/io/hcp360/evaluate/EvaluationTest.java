package io.hcp360.evaluate;

import static io.hcp360.evaluate.Examples.MIXED;
import static io.hcp360.evaluate.Examples.TRUTH;
import static io.hcp360.evaluate.Examples.clusters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final Offset<Double> EXACT = within(1e-12);

  @Test
  void aPerfectClusteringScoresOne() {
    Clusters same = clusters("crm/a1=p", "mdm/a2=p", "crm/a3=p", "crm/b1=q", "email/b2=q",
        "mdm/c1=r");
    Evaluation e = Evaluation.of(TRUTH, same);
    assertThat(e.pairwise()).isEqualTo(new PairCounts(4, 0, 0));
    assertThat(e.pairwise().f1()).isEqualTo(1.0);
    assertThat(e.bCubed()).isEqualTo(new BCubed(1.0, 1.0));
    assertThat(e.bCubed().f1()).isEqualTo(1.0);
  }

  @Test
  void aPerfectClusteringOfSingleRecordsScoresOne() {
    Clusters singles = clusters("crm/1=a", "crm/2=b", "mdm/3=c");
    Evaluation e = Evaluation.of(singles, clusters("crm/1=x", "crm/2=y", "mdm/3=z"));
    assertThat(e.pairwise()).isEqualTo(PairCounts.NONE);
    assertThat(e.pairwise().f1()).isEqualTo(1.0);
    assertThat(e.bCubed().f1()).isEqualTo(1.0);
  }

  @Test
  void everythingMergedIntoOneCluster() {
    // 6 records in one cluster: 15 predicted pairs, of which the 4 true ones are right.
    // B-cubed precision: a1..a3 3/6 each, b1, b2 2/6 each, c1 1/6: (9 + 4 + 1) / 36 / 1 = 7/18.
    Clusters one = clusters("crm/a1=X", "mdm/a2=X", "crm/a3=X", "crm/b1=X", "email/b2=X",
        "mdm/c1=X");
    Evaluation e = Evaluation.of(TRUTH, one);
    assertThat(e.pairwise()).isEqualTo(new PairCounts(4, 11, 0));
    assertThat(e.pairwise().precision()).isCloseTo(4.0 / 15, EXACT);
    assertThat(e.pairwise().recall()).isEqualTo(1.0);
    assertThat(e.pairwise().f1()).isCloseTo(2 * (4.0 / 15) / (4.0 / 15 + 1), EXACT);
    assertThat(e.bCubed().precision()).isCloseTo(7.0 / 18, EXACT);
    assertThat(e.bCubed().recall()).isCloseTo(1.0, EXACT);
  }

  @Test
  void everythingSplit() {
    // No predicted pair: precision 1 by convention, recall 0. B-cubed recall: a1..a3 1/3 each,
    // b1, b2 1/2 each, c1 1: (1 + 1 + 1) / 6 = 1/2.
    Clusters split = clusters("crm/a1=1", "mdm/a2=2", "crm/a3=3", "crm/b1=4", "email/b2=5",
        "mdm/c1=6");
    Evaluation e = Evaluation.of(TRUTH, split);
    assertThat(e.pairwise()).isEqualTo(new PairCounts(0, 0, 4));
    assertThat(e.pairwise().precision()).isEqualTo(1.0);
    assertThat(e.pairwise().recall()).isEqualTo(0.0);
    assertThat(e.pairwise().f1()).isEqualTo(0.0);
    assertThat(e.bCubed().precision()).isCloseTo(1.0, EXACT);
    assertThat(e.bCubed().recall()).isCloseTo(0.5, EXACT);
    assertThat(e.bCubed().f1()).isCloseTo(2.0 / 3, EXACT);
  }

  /**
   * Truth A = {a1, a2, a3}, B = {b1, b2}, C = {c1}; predicted X = {a1, a2, b1}, Y = {a3},
   * Z = {b2}, W = {c1}.
   *
   * <pre>
   * cells: X∩A = {a1, a2} (2), X∩B = {b1} (1), Y∩A = {a3}, Z∩B = {b2}, W∩C = {c1}
   * TP = C(2,2) = 1                         (a1-a2)
   * predicted pairs = C(3,2) = 3            FP = 3 - 1 = 2   (a1-b1, a2-b1)
   * true pairs = C(3,2) + C(2,2) = 4        FN = 4 - 1 = 3   (a1-a3, a2-a3, b1-b2)
   * precision 1/3, recall 1/4, F1 = 2 · (1/12) / (7/12) = 2/7
   * B-cubed precision, per record |P ∩ T| / |P|: a1 2/3, a2 2/3, b1 1/3, a3 1, b2 1, c1 1
   *   = (14/3) / 6 = 7/9
   * B-cubed recall, per record |P ∩ T| / |T|: a1 2/3, a2 2/3, b1 1/2, a3 1/3, b2 1/2, c1 1
   *   = (11/3) / 6 = 11/18
   * B-cubed F1 = 2 · (7/9)(11/18) / (7/9 + 11/18) = (154/162) / (25/18) = 154/225
   * </pre>
   */
  @Test
  void aFalseMergeAndMissedMatchesTogether() {
    Evaluation e = Evaluation.of(TRUTH, MIXED);
    assertThat(e.pairwise()).isEqualTo(new PairCounts(1, 2, 3));
    assertThat(e.pairwise().precision()).isCloseTo(1.0 / 3, EXACT);
    assertThat(e.pairwise().recall()).isCloseTo(1.0 / 4, EXACT);
    assertThat(e.pairwise().f1()).isCloseTo(2.0 / 7, EXACT);
    assertThat(e.bCubed().precision()).isCloseTo(7.0 / 9, EXACT);
    assertThat(e.bCubed().recall()).isCloseTo(11.0 / 18, EXACT);
    assertThat(e.bCubed().f1()).isCloseTo(154.0 / 225, EXACT);
    assertThat(e.commonRecords()).isEqualTo(6);
    assertThat(e.truthOnly()).isZero();
    assertThat(e.predictedOnly()).isZero();
  }

  @Test
  void recordsMissingFromEitherSideAreCountedAndLeftOut() {
    // d1 is not published; e1 is published (merged into X) but not in the truth. Neither
    // changes a figure: they are over the six records present in both.
    Clusters truth = clusters("crm/a1=A", "mdm/a2=A", "crm/a3=A", "crm/b1=B", "email/b2=B",
        "mdm/c1=C", "crm/d1=A");
    Clusters predicted = clusters("crm/a1=X", "mdm/a2=X", "crm/b1=X", "crm/a3=Y", "email/b2=Z",
        "mdm/c1=W", "events/e1=X", "events/e2=V");
    Evaluation e = Evaluation.of(truth, predicted);
    assertThat(e.commonRecords()).isEqualTo(6);
    assertThat(e.truthOnly()).isEqualTo(1);
    assertThat(e.predictedOnly()).isEqualTo(2);
    Evaluation same = Evaluation.of(TRUTH, MIXED);
    assertThat(e.pairwise()).isEqualTo(same.pairwise());
    assertThat(e.bCubed()).isEqualTo(same.bCubed());
    assertThat(e.bySourcePair()).isEqualTo(same.bySourcePair());
  }

  @Test
  void nothingInCommon() {
    Evaluation e = Evaluation.of(clusters("crm/1=a"), clusters("mdm/1=a"));
    assertThat(e.commonRecords()).isZero();
    assertThat(e.truthOnly()).isEqualTo(1);
    assertThat(e.predictedOnly()).isEqualTo(1);
    assertThat(e.pairwise()).isEqualTo(PairCounts.NONE);
    assertThat(e.bySourcePair()).isEmpty();
  }

  @Test
  void theSeparateCalculatorsAgreeWithTheEvaluation() {
    assertThat(PairwiseMetrics.of(TRUTH, MIXED)).isEqualTo(new PairCounts(1, 2, 3));
    assertThat(BCubed.of(TRUTH, MIXED)).isEqualTo(Evaluation.of(TRUTH, MIXED).bCubed());
  }

  @Test
  void aLargeClusterIsCountedWithoutEnumeratingItsPairs() {
    // 200,000 records of one person, published as two halves: C(200000, 2) true pairs,
    // 2 · C(100000, 2) found; more pairs than an int holds.
    Map<RecordKey, String> truth = new HashMap<>();
    Map<RecordKey, String> predicted = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      RecordKey r = new RecordKey("crm", "r" + i);
      truth.put(r, "P");
      predicted.put(r, i % 2 == 0 ? "G1" : "G2");
    }
    Evaluation e = Evaluation.of(Clusters.of(truth), Clusters.of(predicted));
    long found = 2 * (100_000L * 99_999 / 2);
    assertThat(e.pairwise()).isEqualTo(new PairCounts(found, 0, 200_000L * 199_999 / 2 - found));
    assertThat(e.bCubed().recall()).isCloseTo(0.5, EXACT);
  }

  @Test
  void valuesAreValidated() {
    assertThatThrownBy(() -> new PairCounts(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BCubed(1.5, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SourcePair("mdm", "crm"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clusters("crm/1= ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(SourcePair.of("mdm", "crm")).hasToString("crm-mdm");
  }

  @Test
  void theReviewBandIsAShareOfThePublishedRecords() {
    assertThat(new ReviewBand(3, 5, 200).percentOfPublished()).isCloseTo(2.5, EXACT);
    assertThat(new ReviewBand(0, 0, 0).percentOfPublished()).isZero();
  }
}
