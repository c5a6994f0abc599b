package io.hcp360.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.Thresholds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records that match two different people: two namesakes, each with two records that match
 * each other strongly, and name-only records that match records of both.
 */
class AmbiguityTest {
  private static final Thresholds THRESHOLDS = new Thresholds(3, 2, 3, 10, 2);

  private record Pair(int left, int right, double score, boolean byRule)
      implements Ambiguity.Link {
    @Override
    public boolean matchedByScore() {
      return !byRule && score >= THRESHOLDS.match();
    }

    @Override
    public boolean matched() {
      return byRule || score >= THRESHOLDS.match();
    }
  }

  /** Person A: records 0 and 1; person B: records 2 and 3 (namesakes in two cities). */
  private final Map<Long, Double> scores = new HashMap<>(Map.of(
      key(0, 1), 20.0, key(2, 3), 20.0,
      key(0, 2), -1.0, key(0, 3), -1.0, key(1, 2), -1.0, key(1, 3), -1.0));

  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private Ambiguity.Outcome[] resolve(List<Pair> links, int records,
      List<FieldColumn> exclusive) {
    for (Pair p : links) {
      scores.put(key(p.left(), p.right()), p.score());
    }
    return Ambiguity.resolve(links, records, (a, b) -> THRESHOLDS,
        (a, b) -> scores.getOrDefault(key(a, b), -5.0) >= THRESHOLDS.match(),
        (a, b) -> scores.getOrDefault(key(a, b), -5.0), exclusive);
  }

  @Test
  void aRecordThatMatchesTwoPeopleAlikeGoesToReviewOnceAndGluesNoOne() {
    // Record 4 (a name and a private email) matches every record of A and B by name alike.
    List<Pair> links = List.of(new Pair(0, 1, 20, false), new Pair(2, 3, 20, false),
        new Pair(0, 4, 5, false), new Pair(1, 4, 5, false), new Pair(2, 4, 5.5, false),
        new Pair(3, 4, 5.5, false));
    Ambiguity.Outcome[] outcome = resolve(links, 5, List.of());
    assertThat(outcome[0]).isEqualTo(Ambiguity.Outcome.KEEP);
    assertThat(outcome[1]).isEqualTo(Ambiguity.Outcome.KEEP);
    assertThat(List.of(outcome).subList(2, 6)).containsExactlyInAnyOrder(
        Ambiguity.Outcome.REVIEW, Ambiguity.Outcome.DROP, Ambiguity.Outcome.DROP,
        Ambiguity.Outcome.DROP);
  }

  @Test
  void aRecordMuchCloserToOnePersonStaysWithThemAndLetsTheOtherGo() {
    // Record 4 matches person A by name and email domain (9), person B by name only (4).
    List<Pair> links = List.of(new Pair(0, 1, 20, false), new Pair(2, 3, 20, false),
        new Pair(1, 4, 9, false), new Pair(0, 4, 9, false), new Pair(2, 4, 4, false));
    Ambiguity.Outcome[] outcome = resolve(links, 5, List.of());
    assertThat(outcome).containsExactly(Ambiguity.Outcome.KEEP, Ambiguity.Outcome.KEEP,
        Ambiguity.Outcome.KEEP, Ambiguity.Outcome.KEEP, Ambiguity.Outcome.DROP);
  }

  @Test
  void aCertainMatchIsNeverTakenBack() {
    // Record 4 matches 1 certainly (an exact email) and 2 certainly too (the same address):
    // neither is taken back, clustering and its constraints decide. Its name-only match to 3
    // goes, being far weaker than the certain one into A.
    List<Pair> links = List.of(new Pair(0, 1, 20, false), new Pair(2, 3, 20, false),
        new Pair(1, 4, 14, false), new Pair(2, 4, 12, false), new Pair(3, 4, 5, false));
    Ambiguity.Outcome[] outcome = resolve(links, 5, List.of());
    assertThat(outcome).containsExactly(Ambiguity.Outcome.KEEP, Ambiguity.Outcome.KEEP,
        Ambiguity.Outcome.KEEP, Ambiguity.Outcome.KEEP, Ambiguity.Outcome.DROP);
  }

  @Test
  void recordsOfOnePersonThatDoNotMatchEachOtherAreNoAmbiguity() {
    // Record 4 matches 0 and 1, which are one person (matched to each other).
    List<Pair> links = List.of(new Pair(0, 1, 20, false), new Pair(0, 4, 5, false),
        new Pair(1, 4, 5, false));
    assertThat(resolve(links, 5, List.of())).containsOnly(Ambiguity.Outcome.KEEP);
  }

  @Test
  void groupsNeverHoldTwoValuesOfANeverMergeField() {
    // Father (0, Sr) and son (2, Jr) share everything but the suffix; record 1 (no suffix, at
    // their address) matches both certainly, and record 4 (a name only) matches 0 and 2 alike.
    // Without the constraint, 1 would make father and son one group and hide 4's ambiguity.
    scores.put(key(0, 2), -20.0);
    List<Pair> links = List.of(new Pair(0, 1, 15, false), new Pair(1, 2, 15, false),
        new Pair(0, 4, 6, false), new Pair(2, 4, 6, false), new Pair(1, 4, 6, false));
    PartyData data = PartyData.of(new String[5],
        Map.of("suffix", new String[] {"Sr", null, "Jr", null, null}));
    Ambiguity.Outcome[] outcome = resolve(links, 5, List.of(data.column("suffix")));
    assertThat(outcome[0]).isEqualTo(Ambiguity.Outcome.KEEP);
    assertThat(outcome[1]).isEqualTo(Ambiguity.Outcome.KEEP);
    assertThat(List.of(outcome).subList(2, 5)).contains(Ambiguity.Outcome.REVIEW)
        .doesNotContain(Ambiguity.Outcome.KEEP);
  }
}
