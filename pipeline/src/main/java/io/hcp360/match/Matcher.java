package io.hcp360.match;

import io.hcp360.match.blocking.LuceneBlocker;
import io.hcp360.match.blocking.PairList;
import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.HardRule;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.Thresholds;
import io.hcp360.match.scoring.ComparisonEvaluator;
import io.hcp360.match.scoring.Parameters;
import io.hcp360.match.scoring.Scorer;
import io.hcp360.run.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Scores candidate pairs and decides them: hard rules first, then the match weight against the
 * thresholds (a market's own when both records are of it). Pairs that match or go to review are
 * handed to a sink with their explanation; work is spread over all cores in chunks.
 */
public final class Matcher {
  private static final int CHUNK = 200_000;

  /**
   * Receives the pairs that match or go to review, one at a time, in pair order, with their
   * explanation: each comparison's level index ({@link ComparisonEvaluator#NULL_LEVEL} for null)
   * and the weights of the prior and of each comparison, as PostgreSQL array literals.
   */
  public interface Sink {
    void accept(int a, int b, double score, PairDecision decision, String reason, String levels,
        String weights);

    /** A link that matched or went to review on its own but was taken back as ambiguous. */
    default void dropped(int a, int b) {}
  }

  /** What {@link #settle} decided. */
  record Settled(long matches, long reviews, long together, long ambiguous) {}

  private final RuleSet rules;
  private final Scorer scorer;
  private final HardRules hardRules;
  private final Optional<FieldColumn> country;
  private final int recordCount;

  public Matcher(RuleSet rules, Parameters parameters, PartyData data) {
    this.rules = rules;
    this.scorer = new Scorer(rules, parameters, data);
    this.hardRules = new HardRules(rules, data);
    this.recordCount = data.size();
    this.country = rules.marketThresholds().isEmpty() ? Optional.empty()
        : Optional.of(data.column("country"));
  }

  /** Blocks, scores and decides; returns the counts. */
  public MatchSummary run(LuceneBlocker.Result blocked, boolean trained, Sink sink) {
    ScoreHistogram histogram = new ScoreHistogram();
    long[] apart = new long[1];
    List<Scored> kept = score(blocked.pairs(), histogram, apart);
    Settled settled = settle(kept, sink);
    return new MatchSummary(blocked.report(), blocked.pairs().size(), settled.matches(),
        settled.reviews(), apart[0], settled.together(), settled.ambiguous(), trained,
        histogram);
  }

  /**
   * Scores pairs (distinct, in pair order) on all cores; returns those that match or go to
   * review, in pair order, and counts the ones a hard rule kept apart.
   */
  List<Scored> score(PairList pairs, ScoreHistogram histogram, long[] apartCount) {
    long apart = 0;
    List<Scored> kept = new ArrayList<>();
    Progress progress = Progress.start("match: scoring", "pairs", pairs.size());
    for (int start = 0; start < pairs.size(); start += CHUNK) {
      int end = Math.min(pairs.size(), start + CHUNK);
      Scored[] chunk = IntStream.range(start, end).parallel()
          .mapToObj(i -> score(pairs.get(i))).toArray(Scored[]::new);
      for (Scored s : chunk) {
        if (s.score != Double.NEGATIVE_INFINITY) {  // scored, not settled by a never-merge rule
          histogram.add(s.score);
        }
        if (s.decision == PairDecision.NON_MATCH) {
          if (s.reason != null) {
            apart++;
          }
        } else {
          kept.add(s);
        }
      }
      progress.advance(end - start);
    }
    progress.finish();
    apartCount[0] += apart;
    return kept;
  }

  /**
   * Settles the ambiguous records among links (in pair order; all the links of the records
   * they touch, as a full run finds them) and hands the links over to the sink.
   */
  Settled settle(List<Scored> kept, Sink sink) {
    Ambiguity.Outcome[] outcomes = Ambiguity.resolve(kept, recordCount, this::thresholds,
        (a, b) -> score(PairList.pack(a, b)).decision == PairDecision.MATCH,
        (a, b) -> score(PairList.pack(a, b)).score, this::scoreAgainst, hardRules.exclusive());
    long matches = 0;
    long reviews = 0;
    long together = 0;
    long ambiguous = 0;
    for (int start = 0; start < kept.size(); start += CHUNK) {
      int end = Math.min(kept.size(), start + CHUNK);
      // Explanations built on all cores, a chunk at a time; then handed over in pair order.
      String[][] explained = IntStream.range(start, end).parallel()
          .mapToObj(i -> outcomes[i] == Ambiguity.Outcome.DROP ? null
              : explanation(kept.get(i).a, kept.get(i).b))
          .toArray(String[][]::new);
      for (int i = start; i < end; i++) {
        Scored s = kept.get(i);
        PairDecision decision = s.decision;
        String reason = s.reason == null ? "score" : s.reason;
        if (outcomes[i] != Ambiguity.Outcome.KEEP) {
          ambiguous++;
          if (outcomes[i] == Ambiguity.Outcome.DROP) {
            sink.dropped(s.a, s.b);
            continue;
          }
          decision = PairDecision.REVIEW;
          reason = "ambiguous";
        }
        if (s.reason != null) {
          together++;
        }
        if (decision == PairDecision.MATCH) {
          matches++;
        } else {
          reviews++;
        }
        String[] explanation = explained[i - start];
        sink.accept(s.a, s.b, s.score, decision, reason, explanation[0], explanation[1]);
      }
    }
    return new Settled(matches, reviews, together, ambiguous);
  }

  record Scored(int a, int b, double score, PairDecision decision, String reason)
      implements Ambiguity.Link {
    @Override
    public int left() {
      return a;
    }

    @Override
    public int right() {
      return b;
    }

    @Override
    public boolean matchedByScore() {
      return decision == PairDecision.MATCH && reason == null;
    }

    @Override
    public boolean matched() {
      return decision == PairDecision.MATCH;
    }
  }

  private Scored score(long pair) {
    int a = PairList.left(pair);
    int b = PairList.right(pair);
    Optional<HardRule> hard = hardRules.decide(a, b);
    if (hard.isPresent() && hard.get().kind() == HardRule.Kind.NEVER_MERGE_DIFFERENT) {
      // Decided whatever the score, and never stored: no need to score it.
      return new Scored(a, b, Double.NEGATIVE_INFINITY, PairDecision.NON_MATCH,
          hard.get().label());
    }
    double score = scorer.score(scorer.levels(a, b), a);
    if (hard.isPresent()) {
      return new Scored(a, b, score, PairDecision.MATCH, hard.get().label());
    }
    Thresholds thresholds = thresholds(a, b);
    PairDecision decision = score >= thresholds.match() ? PairDecision.MATCH
        : score >= thresholds.review() ? PairDecision.REVIEW : PairDecision.NON_MATCH;
    return new Scored(a, b, score, decision, null);
  }

  /** A record's match weight against a group as one person; none if a hard rule parts them. */
  private double scoreAgainst(int record, int[] members) {
    for (int member : members) {
      Optional<HardRule> hard = member == record ? Optional.empty()
          : hardRules.decide(record, member);
      if (hard.isPresent() && hard.get().kind() == HardRule.Kind.NEVER_MERGE_DIFFERENT) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    return scorer.scoreAgainst(record, members);
  }

  private Thresholds thresholds(int a, int b) {
    if (country.isPresent()) {
      String ca = country.get().value(a);
      if (ca != null && ca.equals(country.get().value(b))) {
        Thresholds market = rules.marketThresholds().get(ca);
        if (market != null) {
          return market;
        }
      }
    }
    return rules.thresholds();
  }

  /** The explanation: each comparison's level, and the weights (prior first), as arrays. */
  private String[] explanation(int a, int b) {
    byte[] levels = scorer.levels(a, b);
    StringBuilder levelText = new StringBuilder(3 * levels.length + 2).append('{');
    StringBuilder weightText = new StringBuilder(8 * levels.length + 10).append('{')
        .append(round(scorer.priorWeight()));
    for (int c = 0; c < levels.length; c++) {
      levelText.append(c == 0 ? "" : ",").append(levels[c]);
      weightText.append(',').append(round(scorer.weight(c, levels[c], a)));
    }
    return new String[] {levelText.append('}').toString(), weightText.append('}').toString()};
  }

  private static String round(double x) {
    return Double.toString(Math.round(x * 1000) / 1000.0);
  }
}
