package io.hcp360.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pairwise counts by the systems of the two records of a pair, so the weak spots show: which
 * kinds of pairs are merged wrongly or missed.
 */
public final class SourcePairBreakdown {
  /** The pairwise counts of one source pair. */
  public record Line(SourcePair pair, PairCounts counts) {}

  /** Most true pairs first, then the pair's name. */
  static final Comparator<Line> ORDER = Comparator
      .comparingLong((Line l) -> l.counts().truePairs()).reversed()
      .thenComparing(l -> l.pair().toString());

  private SourcePairBreakdown() {}

  /**
   * One line per pair of systems with at least one true or predicted pair among the records
   * present in both clusterings, most true pairs first. Their counts add up to the overall ones.
   */
  public static List<Line> of(Clusters truth, Clusters predicted) {
    return of(Contingency.of(truth, predicted));
  }

  static List<Line> of(Contingency table) {
    List<String> systems = table.systems();
    List<Line> lines = new ArrayList<>();
    for (int s = 0; s < systems.size(); s++) {
      for (int t = s; t < systems.size(); t++) {
        PairCounts counts = table.pairs(s, t);
        if (counts.truePairs() > 0 || counts.predictedPairs() > 0) {
          lines.add(new Line(new SourcePair(systems.get(s), systems.get(t)), counts));
        }
      }
    }
    lines.sort(ORDER);
    return List.copyOf(lines);
  }
}
