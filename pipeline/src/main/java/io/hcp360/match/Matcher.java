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
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Scores candidate pairs and decides them: hard rules first, then the match weight against the
 * thresholds (a market's own when both records are of it). Pairs that match or go to review are
 * handed to a sink with their explanation; work is spread over all cores in chunks.
 */
public final class Matcher {
  private static final int CHUNK = 200_000;

  /** Receives the pairs that match or go to review, one at a time, in pair order. */
  public interface Sink {
    void accept(int a, int b, double score, PairDecision decision, String reason,
        String explanation);
  }

  private final RuleSet rules;
  private final Scorer scorer;
  private final HardRules hardRules;
  private final Optional<FieldColumn> country;

  public Matcher(RuleSet rules, Parameters parameters, PartyData data) {
    this.rules = rules;
    this.scorer = new Scorer(rules, parameters, data);
    this.hardRules = new HardRules(rules, data);
    this.country = rules.marketThresholds().isEmpty() ? Optional.empty()
        : Optional.of(data.column("country"));
  }

  /** Blocks, scores and decides; returns the counts. */
  public MatchSummary run(LuceneBlocker.Result blocked, boolean trained, Sink sink) {
    PairList pairs = blocked.pairs();
    long matches = 0;
    long reviews = 0;
    long apart = 0;
    long together = 0;
    Progress progress = Progress.start("match: scoring", "pairs", pairs.size());
    for (int start = 0; start < pairs.size(); start += CHUNK) {
      int end = Math.min(pairs.size(), start + CHUNK);
      Scored[] chunk = IntStream.range(start, end).parallel()
          .mapToObj(i -> score(pairs.get(i))).toArray(Scored[]::new);
      for (Scored s : chunk) {
        if (s.decision == PairDecision.NON_MATCH) {
          if (s.reason != null) {
            apart++;
          }
          continue;
        }
        if (s.reason != null) {
          together++;
        }
        if (s.decision == PairDecision.MATCH) {
          matches++;
        } else {
          reviews++;
        }
        sink.accept(s.a, s.b, s.score, s.decision, s.reason == null ? "score" : s.reason,
            explanation(s));
      }
      progress.advance(end - start);
    }
    progress.finish();
    return new MatchSummary(blocked.report(), pairs.size(), matches, reviews, apart, together,
        trained);
  }

  private record Scored(int a, int b, byte[] levels, double score, PairDecision decision,
      String reason) {}

  private Scored score(long pair) {
    int a = PairList.left(pair);
    int b = PairList.right(pair);
    Optional<HardRule> hard = hardRules.decide(a, b);
    if (hard.isPresent() && hard.get().kind() == HardRule.Kind.NEVER_MERGE_DIFFERENT) {
      // Decided whatever the score, and never stored: no need to score it.
      return new Scored(a, b, null, Double.NEGATIVE_INFINITY, PairDecision.NON_MATCH,
          hard.get().label());
    }
    byte[] levels = scorer.levels(a, b);
    double score = scorer.score(levels, a);
    if (hard.isPresent()) {
      return new Scored(a, b, levels, score, PairDecision.MATCH, hard.get().label());
    }
    Thresholds thresholds = thresholds(a, b);
    PairDecision decision = score >= thresholds.match() ? PairDecision.MATCH
        : score >= thresholds.review() ? PairDecision.REVIEW : PairDecision.NON_MATCH;
    return new Scored(a, b, levels, score, decision, null);
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

  /** The explanation: the prior and each comparison's level and weight, as JSON. */
  private String explanation(Scored s) {
    StringBuilder json = new StringBuilder(64 * s.levels.length);
    json.append("[{\"comparison\":\"prior\",\"level\":\"prior\",\"weight\":")
        .append(round(scorer.priorWeight())).append('}');
    for (int c = 0; c < s.levels.length; c++) {
      ComparisonEvaluator evaluator = scorer.evaluators().get(c);
      byte level = s.levels[c];
      json.append(",{\"comparison\":\"").append(evaluator.comparison().name())
          .append("\",\"level\":\"")
          .append(level == ComparisonEvaluator.NULL_LEVEL ? "null"
              : evaluator.comparison().levels().get(level).level().label())
          .append("\",\"weight\":").append(round(scorer.weight(c, level, s.a))).append('}');
    }
    return json.append(']').toString();
  }

  private static String round(double x) {
    return Double.toString(Math.round(x * 1000) / 1000.0);
  }
}
