package io.hcp360.match;

import io.hcp360.Hcp360Exception;
import io.hcp360.match.blocking.LuceneBlocker;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.data.PartyDataCache;
import io.hcp360.match.data.PartyDataLoader;
import io.hcp360.match.data.TermFrequencies;
import io.hcp360.match.rules.FieldSource;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.scoring.Parameters;
import io.hcp360.match.scoring.ParametersFile;
import io.hcp360.match.scoring.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps matching, training and the blocking report share: load, block, train. */
public final class MatchModel {
  private static final Logger LOG = LoggerFactory.getLogger(MatchModel.class);
  private static final long SEED = 20261123L;

  private MatchModel() {}

  /** The rule set's fields (and the country, for market thresholds) of every party record. */
  public static PartyData load(Jdbi jdbi, RuleSet rules) {
    Map<String, FieldSource> fields = fields(rules);
    long start = System.nanoTime();
    PartyData data = PartyDataLoader.load(jdbi, fields.values());
    long records = java.util.stream.IntStream.range(0, data.size()).filter(data::present).count();
    LOG.info("  loaded {} party records ({} fields) in {} s", String.format("%,d", records),
        fields.size(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return data;
  }

  /**
   * The party data of a match step, without the kept term frequencies: an incremental run's
   * (with its changes) from the copy kept by the last run when it can, patched with them.
   */
  static MatchData loadRaw(Jdbi jdbi, RuleSet rules, long runId,
      Optional<PartyDataCache.Changes> incremental, PartyDataCache cache) {
    Map<String, FieldSource> fields = fields(rules);
    if (incremental.isPresent()) {
      Optional<PartyDataCache.Loaded> kept =
          cache.load(jdbi, fields.values(), runId, incremental.get());
      if (kept.isPresent()) {
        return new MatchData(kept.get().data(), Optional.of(kept.get().stamp()));
      }
    }
    return new MatchData(load(jdbi, rules), Optional.empty());
  }

  /**
   * Party data as loaded, and the stamp of the records it holds when known (patching the copy
   * computes it; a fresh load's is taken when the copy is kept).
   */
  record MatchData(PartyData data, Optional<PartyDataCache.Stamp> stamp) {}

  /** Keeps the loaded party data for the next run. */
  static void keep(Jdbi jdbi, RuleSet rules, PartyDataCache cache, MatchData loaded) {
    cache.save(jdbi, fields(rules).values(), loaded.data(), loaded.stamp());
  }

  /** The data with the rule set's kept term frequencies (taken and kept first if none). */
  static PartyData forRun(Jdbi jdbi, RuleSet rules, long runId, PartyData raw) {
    return withFrequencies(jdbi, rules, runId, raw, true);
  }

  /** The earlier versions of the records an incremental run changed or deleted. */
  static PartyData loadPrevious(Jdbi jdbi, RuleSet rules) {
    return PartyDataLoader.loadPrevious(jdbi, fields(rules).values());
  }

  private static Map<String, FieldSource> fields(RuleSet rules) {
    Map<String, FieldSource> fields = new LinkedHashMap<>(rules.fields());
    if (!rules.marketThresholds().isEmpty()) {
      fields.putIfAbsent("country", new FieldSource("country", Optional.of("country"),
          Optional.empty(), Optional.empty()));
    }
    return fields;
  }

  /**
   * The party records as a run's match and cluster steps score them: with the rule set's kept
   * term frequencies, taken from these records first if the rule set has none yet.
   */
  public static PartyData loadForRun(Jdbi jdbi, RuleSet rules, long runId) {
    return forRun(jdbi, rules, runId, load(jdbi, rules));
  }

  /** Some records (the others absent), as {@link #loadForRun} gives them. */
  public static PartyData loadForRun(Jdbi jdbi, RuleSet rules, long runId, int[] partyIds) {
    long start = System.nanoTime();
    PartyData data = PartyDataLoader.load(jdbi, fields(rules).values(), partyIds);
    LOG.info("  loaded {} party records in {} s", String.format("%,d", partyIds.length),
        String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return withFrequencies(jdbi, rules, runId, data, false);
  }

  /** The data with the kept term frequencies; takes them from the data if allowed and none. */
  private static PartyData withFrequencies(Jdbi jdbi, RuleSet rules, long runId,
      PartyData data, boolean mayTake) {
    TermFrequencies frequencies = jdbi.inTransaction(handle ->
        TermFrequencies.load(handle, rules.label()).orElseGet(() -> {
          if (!mayTake) {
            throw new Hcp360Exception("no term frequencies kept for " + rules.label()
                + ": the match step takes them");
          }
          TermFrequencies taken = TermFrequencies.of(data, rules);
          taken.save(handle, rules.label(), runId);
          LOG.info("  term frequencies of {} taken from these {} records and kept",
              rules.label(), String.format("%,d", taken.records()));
          return taken;
        }));
    return frequencies.applyTo(data);
  }

  public static LuceneBlocker.Result block(RuleSet rules, PartyData data) {
    long start = System.nanoTime();
    LuceneBlocker.Result result = new LuceneBlocker(rules, data).run();
    LOG.info("  {} candidate pairs from {} blocking rules{} in {} s",
        String.format("%,d", result.pairs().size()), rules.blocking().size(),
        result.report().fuzzy().searched() > 0
            ? String.format(" and %,d fuzzy look-ups", result.report().fuzzy().searched()) : "",
        String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return result;
  }

  /** Estimates u and m from the data and saves them beside the rule set. */
  public static Parameters train(RuleSet rules, PartyData data, LuceneBlocker.Result blocked) {
    return train(rules, data, blocked, new int[0][]);
  }

  /**
   * Estimates u and m from the data, refines m with pairs a steward labelled as matches, and
   * saves them beside the rule set.
   */
  public static Parameters train(RuleSet rules, PartyData data, LuceneBlocker.Result blocked,
      int[][] labelledMatches) {
    long start = System.nanoTime();
    Trainer trainer = new Trainer(rules, data);
    Parameters parameters = trainer.withLabels(
        trainer.train(Parameters.initial(rules), blocked.pairs(), SEED), labelledMatches);
    ParametersFile.write(rules, parameters);
    LOG.info("  trained on {} records in {} s ({} matching pairs per record); saved to {}",
        String.format("%,d", data.size()),
        String.format("%.1f", (System.nanoTime() - start) / 1e9),
        String.format("%.2f", parameters.matchesPerRecord()), rules.trainedFile());
    return parameters;
  }
}
