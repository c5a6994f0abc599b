package io.hcp360.evaluate;

import static io.hcp360.evaluate.Examples.MIXED;
import static io.hcp360.evaluate.Examples.TRUTH;
import static io.hcp360.evaluate.Examples.clusters;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourcePairBreakdownTest {

  /**
   * Truth A = {a1 crm, a2 mdm, a3 crm}, B = {b1 crm, b2 email}, C = {c1 mdm}; predicted
   * X = {a1 crm, a2 mdm, b1 crm}, Y = {a3}, Z = {b2}, W = {c1}.
   *
   * <pre>
   * true pairs:      crm-mdm a1-a2, a2-a3 (2)   crm-crm a1-a3 (1)   crm-email b1-b2 (1)
   * predicted pairs: crm-mdm a1-a2, a2-b1 (2)   crm-crm a1-b1 (1)
   * true positives:  crm-mdm a1-a2 (1)
   * crm-mdm   TP 1 FP 1 FN 1
   * crm-crm   TP 0 FP 1 FN 1
   * crm-email TP 0 FP 0 FN 1      (crm-crm before crm-email: same true pairs, by name)
   * </pre>
   */
  @Test
  void pairsAreCountedByTheirTwoSystemsMostTruePairsFirst() {
    List<SourcePairBreakdown.Line> lines = SourcePairBreakdown.of(TRUTH, MIXED);
    assertThat(lines).containsExactly(
        new SourcePairBreakdown.Line(new SourcePair("crm", "mdm"), new PairCounts(1, 1, 1)),
        new SourcePairBreakdown.Line(new SourcePair("crm", "crm"), new PairCounts(0, 1, 1)),
        new SourcePairBreakdown.Line(new SourcePair("crm", "email"), new PairCounts(0, 0, 1)));
    PairCounts sum = lines.stream().map(SourcePairBreakdown.Line::counts)
        .reduce(PairCounts.NONE, PairCounts::plus);
    assertThat(sum).isEqualTo(PairwiseMetrics.of(TRUTH, MIXED));
  }

  @Test
  void aPairOnlyPredictedHasItsLineToo() {
    // Two people merged: the email-events pair is a false merge with no true pair.
    List<SourcePairBreakdown.Line> lines = SourcePairBreakdown.of(
        clusters("email/1=A", "events/2=B"), clusters("email/1=G", "events/2=G"));
    assertThat(lines).containsExactly(
        new SourcePairBreakdown.Line(new SourcePair("email", "events"), new PairCounts(0, 1, 0)));
    assertThat(lines.get(0).counts().precision()).isZero();
    assertThat(lines.get(0).counts().recall()).isEqualTo(1.0);
  }

  @Test
  void pairsWithinOneSystemAndAcrossTwoAreCountedFromClusterSizes() {
    // One person with 3 crm and 2 mdm records, found whole: crm-crm 3, crm-mdm 6, mdm-mdm 1.
    List<SourcePairBreakdown.Line> lines = SourcePairBreakdown.of(
        clusters("crm/1=P", "crm/2=P", "crm/3=P", "mdm/1=P", "mdm/2=P"),
        clusters("crm/1=G", "crm/2=G", "crm/3=G", "mdm/1=G", "mdm/2=G"));
    assertThat(lines).extracting(l -> l.pair().toString(), l -> l.counts().truePositives())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("crm-mdm", 6L),
            org.assertj.core.groups.Tuple.tuple("crm-crm", 3L),
            org.assertj.core.groups.Tuple.tuple("mdm-mdm", 1L));
  }
}
