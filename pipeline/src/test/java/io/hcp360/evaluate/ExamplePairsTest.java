package io.hcp360.evaluate;

import static io.hcp360.evaluate.Examples.MIXED;
import static io.hcp360.evaluate.Examples.TRUTH;
import static io.hcp360.evaluate.Examples.key;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExamplePairsTest {

  @Test
  void aFalseMergeIsTwoPeopleInOnePredictedCluster() {
    // X = {a1, a2, b1} holds A and B: the smallest record of each, crm/a1 and crm/b1.
    assertThat(ExamplePairs.falseMerges(TRUTH, MIXED, 5))
        .containsExactly(new RecordPair(key("crm/a1"), key("crm/b1")));
  }

  @Test
  void aMissedMatchIsOnePersonInTwoPredictedClustersOnePerPerson() {
    // A is split over X and Y, B over X and Z; C is whole.
    assertThat(ExamplePairs.missedMatches(TRUTH, MIXED, 5)).containsExactly(
        new RecordPair(key("crm/a1"), key("crm/a3")),
        new RecordPair(key("crm/b1"), key("email/b2")));
    assertThat(ExamplePairs.missedMatches(TRUTH, MIXED, 1)).hasSize(1);
    assertThat(ExamplePairs.missedMatches(TRUTH, MIXED, 0)).isEmpty();
  }

  @Test
  void aPerfectClusteringHasNoExamples() {
    assertThat(ExamplePairs.falseMerges(TRUTH, TRUTH, 5)).isEmpty();
    assertThat(ExamplePairs.missedMatches(TRUTH, TRUTH, 5)).isEmpty();
  }
}
