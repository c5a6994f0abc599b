package io.hcp360.match.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.Level;
import io.hcp360.match.rules.LevelSpec;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.Thresholds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A record against a group of records taken as one person. */
class ScorerTest {
  private static final double NAME_EXACT = Scorer.log2(0.9 / 0.01);
  private static final double NAME_ELSE = Scorer.log2(0.1 / 0.99);
  private static final double DOMAIN_EXACT = Scorer.log2(0.5 / 0.01);
  private static final double DOMAIN_ELSE = Scorer.log2(0.05 / 0.5);

  /**
   * Record 0: a name and a work email of a.org. The group: 1 (same name, no email), 2 (same
   * name, an email of b.org), 3 (a maiden name, an email of a.org).
   */
  private final PartyData data = PartyData.of(new String[4], Map.of(
      "name", new String[] {"smith", "smith", "smith", "jones"},
      "domain", new String[] {"a.org", null, "b.org", "a.org"}));

  private final Scorer scorer = new Scorer(rules(), parameters(), data);

  private static RuleSet rules() {
    return new RuleSet(Path.of("test.yaml"), "test", "1", "fp", Map.of(), List.of(), 300,
        Optional.empty(), List.of(
            new Comparison("name", "name", List.of(
                new LevelSpec(new Level.Exact(), 0.9, 0.01),
                new LevelSpec(new Level.Else(), 0.1, 0.99)), false),
            new Comparison("domain", "domain", List.of(
                new LevelSpec(new Level.Exact(), 0.5, 0.01),
                new LevelSpec(new Level.Else(), 0.05, 0.5)), false)),
        new Thresholds(3, 2), Map.of(), List.of(), 0);
  }

  private static Parameters parameters() {
    return new Parameters("test", "1", "fp",
        new double[][] {{0.9, 0.1}, {0.5, 0.05}}, new double[][] {{0.01, 0.99}, {0.01, 0.5}},
        1, 4, "never");
  }

  @Test
  void eachComparisonTakesTheBestLevelAnyMemberReaches() {
    // name: exact (1, 2) beats else (3); domain: exact (3) beats else (2).
    assertThat(scorer.scoreAgainst(0, new int[] {1, 2, 3}))
        .isCloseTo(scorer.priorWeight() + NAME_EXACT + DOMAIN_EXACT, within(1e-9));
  }

  @Test
  void aValueThatDisagreesCountsWhenNoMemberAgreesHoweverManyHaveNone() {
    // 1 has no email; 2's email is of another organisation: evidence against.
    assertThat(scorer.scoreAgainst(0, new int[] {1, 2}))
        .isCloseTo(scorer.priorWeight() + NAME_EXACT + DOMAIN_ELSE, within(1e-9));
    assertThat(scorer.scoreAgainst(0, new int[] {1, 2}))
        .isLessThan(scorer.score(scorer.levels(0, 1), 0));
  }

  @Test
  void aComparisonNullWithEveryMemberWeighsNothing() {
    assertThat(scorer.scoreAgainst(0, new int[] {1, 0}))
        .isCloseTo(scorer.score(scorer.levels(0, 1), 0), within(1e-9));
    assertThat(scorer.scoreAgainst(0, new int[] {3}))
        .isCloseTo(scorer.priorWeight() + NAME_ELSE + DOMAIN_EXACT, within(1e-9));
  }
}
