package io.hcp360.match.scoring;

import io.hcp360.match.blocking.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Picks the unlabelled candidate pairs whose labels would teach the model most: those whose match
 * probability is nearest 0.5 (the model is least sure of them), spread over the comparisons'
 * levels: one pair per pattern of levels first (a second pair with the same pattern teaches
 * much the same), then the next nearest 0.5.
 */
public final class ActiveLearning {
  private ActiveLearning() {}

  /** A suggested pair, with its match weight and probability. */
  public record Suggestion(int a, int b, double score, double probability) {}

  /**
   * @param labelled pairs already labelled, as {@link PairList} packed longs (a < b)
   */
  public static List<Suggestion> suggest(Scorer scorer, PairList candidates, Set<Long> labelled,
      int n) {
    record Scored(long pair, byte[] levels, double score, double probability) {}
    List<Scored> scored = IntStream.range(0, candidates.size()).parallel()
        .mapToLong(candidates::get)
        .filter(p -> !labelled.contains(p))
        .mapToObj(p -> {
          int a = PairList.left(p);
          byte[] levels = scorer.levels(a, PairList.right(p));
          double score = scorer.score(levels, a);
          return new Scored(p, levels, score, Scorer.probability(score));
        })
        .sorted(Comparator.comparingDouble((Scored s) -> Math.abs(s.probability() - 0.5))
            .thenComparingLong(Scored::pair))
        .toList();
    List<Scored> chosen = new ArrayList<>();
    Set<String> patterns = new HashSet<>();
    for (Scored s : scored) {
      if (chosen.size() < n && patterns.add(Arrays.toString(s.levels()))) {
        chosen.add(s);
      }
    }
    for (Scored s : scored) {
      if (chosen.size() >= n) {
        break;
      }
      if (!chosen.contains(s)) {
        chosen.add(s);
      }
    }
    chosen.sort(Comparator.comparingDouble((Scored s) -> Math.abs(s.probability() - 0.5)));
    return chosen.stream().map(s -> new Suggestion(PairList.left(s.pair()),
        PairList.right(s.pair()), s.score(), s.probability())).toList();
  }
}
