package io.hcp360.match;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.match.blocking.LuceneBlocker;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.scoring.ComparisonEvaluator;
import io.hcp360.match.scoring.Parameters;
import io.hcp360.match.scoring.ParametersFile;
import io.hcp360.match.scoring.Scorer;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the pairs of party records that describe the same person: Lucene blocking, then
 * Fellegi–Sunter scoring with the rule set's trained parameters (trained first when there are
 * none), hard rules, and the two thresholds. Stores every match and review pair with its
 * explanation and the rule-set version.
 */
public final class MatchStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(MatchStage.class);
  private static final int FLUSH_BYTES = 16 << 20;

  @Override
  public String name() {
    return "match";
  }

  @Override
  public void run(RunContext run) {
    PartyData data = MatchModel.load(run.jdbi(), run.rules());
    LuceneBlocker.Result blocked = MatchModel.block(run.rules(), data);
    Optional<Parameters> saved = ParametersFile.read(run.rules());
    Parameters parameters = saved.orElseGet(() -> {
      LOG.info("  no trained parameters for {}: training first", run.rules().label());
      return MatchModel.train(run.rules(), data, blocked);
    });
    Matcher matcher = new Matcher(run.rules(), parameters, data);
    String copySql = Sql.load(MatchStage.class, "copy-match-pair");
    String ruleSet = run.rules().label();
    long start = System.nanoTime();
    MatchSummary summary = run.jdbi().inTransaction(handle -> {
      MatchDao dao = handle.attach(MatchDao.class);
      dao.clear();
      writeLevelNames(dao, run.rules());
      CopyManager copy;
      try {
        copy = CopyBuffer.copyManager(handle);
      } catch (SQLException e) {
        throw new Hcp360Exception("no COPY on this connection: " + e.getMessage(), e);
      }
      CopyBuffer buffer = new CopyBuffer(copySql);
      try (SuspendedIndexes suspended = SuspendedIndexes.of(handle, "hcp.scored_pair")) {
        MatchSummary s = matcher.run(blocked, saved.isEmpty(),
            (a, b, score, decision, reason, levels, weights) -> {
              buffer.value(run.runId())
                  .value(PartyData.partyId(a)).value(PartyData.partyId(b))
                  .value(Double.toString(score)).value(Double.toString(Scorer.probability(score)))
                  .value(decision.key()).value(reason).value(levels).value(weights).value(ruleSet);
              buffer.endRow();
              if (buffer.size() > FLUSH_BYTES) {
                flush(buffer, copy);
              }
            });
        flush(buffer, copy);
        dao.clearHistogram(run.runId());
        s.histogram().bins().forEach((bin, pairs) -> dao.histogramBin(run.runId(), bin, pairs));
        return s;
      }
    });
    LOG.info("  scored {} pairs in {} s: {} match, {} for review; hard rules kept {} apart"
            + " and put {} together; {} matches of ambiguous records taken back",
        String.format("%,d", summary.scored()),
        String.format("%.1f", (System.nanoTime() - start) / 1e9),
        String.format("%,d", summary.matches()), String.format("%,d", summary.reviews()),
        String.format("%,d", summary.forcedApart()), String.format("%,d", summary.forcedTogether()),
        String.format("%,d", summary.ambiguous()));
  }

  /** The names of the rule set's comparisons and levels, which explanations refer to by index. */
  private static void writeLevelNames(MatchDao dao, RuleSet rules) {
    dao.clearLevelNames(rules.label());
    for (int c = 0; c < rules.comparisons().size(); c++) {
      Comparison comparison = rules.comparisons().get(c);
      dao.levelName(rules.label(), c, comparison.name(), ComparisonEvaluator.NULL_LEVEL, "null");
      for (int l = 0; l < comparison.levels().size(); l++) {
        dao.levelName(rules.label(), c, comparison.name(), l,
            comparison.levels().get(l).level().label());
      }
    }
  }

  private static void flush(CopyBuffer buffer, CopyManager copy) {
    try {
      buffer.flush(copy);
    } catch (SQLException e) {
      throw new Hcp360Exception("could not write match pairs: " + e.getMessage(), e);
    }
  }
}
