package io.hcp360.match;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.match.blocking.LuceneBlocker;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.data.PartyDataCache;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.scoring.ComparisonEvaluator;
import io.hcp360.match.scoring.Parameters;
import io.hcp360.match.scoring.ParametersFile;
import io.hcp360.match.scoring.Scorer;
import io.hcp360.run.RunContext;
import io.hcp360.run.RunMode;
import io.hcp360.run.Stage;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
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

  private final Path cacheDir;

  /** @param cacheDir where the party data is kept for the next run ({@link PartyDataCache}) */
  public MatchStage(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  @Override
  public String name() {
    return "match";
  }

  @Override
  public void run(RunContext run) {
    if (RunMode.done(run.jdbi(), RunMode.Step.MATCH, run.runId())) {
      return;
    }
    fullCollection();  // while little is live
    Optional<PartyDataCache.Changes> changes = Optional.empty();
    if (run.incremental()) {
      MatchDao reader = run.jdbi().onDemand(MatchDao.class);
      changes = Optional.of(new PartyDataCache.Changes(
          reader.changed(run.runId(), List.of("added", "changed")),
          reader.changed(run.runId(), List.of("changed", "deleted"))));
    }
    PartyDataCache cache = new PartyDataCache(cacheDir, run.rules().label());
    MatchModel.MatchData loaded = MatchModel.loadRaw(run.jdbi(), run.rules(), run.runId(),
        changes, cache);
    // Once more now that it is loaded: the party data moves to the old generation in one go,
    // and the young collections of blocking and scoring no longer copy it (three runs each of
    // the benchmark's incremental night: this collection 120 ms, the step's pauses 0.51-0.57 s
    // against 0.82-0.98 s, match 4.4-4.7 s against 4.7-5.3 s).
    fullCollection();
    // The copy for the next run holds the records as loaded, which nothing changes. An
    // incremental run writes it while the server stores the links it decided (0.3 s at
    // 1,000,000 records; started earlier, it slowed the blocking as much). A run killed before
    // the step commits leaves a copy of its own records: the resumed step refuses it, its
    // records being those after this run's standardize step, and loads every record.
    Thread keeping = Thread.ofPlatform().name("match-keep").unstarted(
        () -> MatchModel.keep(run.jdbi(), run.rules(), cache, loaded));
    try {
      PartyData data = MatchModel.forRun(run.jdbi(), run.rules(), run.runId(), loaded.data());
      if (changes.isPresent()) {
        runIncremental(run, data, changes.get(), keeping);
      } else {
        runFull(run, data);
        keeping.start();
      }
    } finally {
      awaitKept(keeping);  // at once when it was not started (the step failed)
    }
  }

  /**
   * A full collection. Before the party data is loaded little is live (what ingest and
   * standardize held is garbage by then): the data then fills an empty heap. On the benchmark's
   * incremental night at 1,000,000 records the collection took 55-70 ms and the step 4.5-4.8 s
   * instead of 4.8-5.3 s (its young-collection pauses 0.75-0.92 s, this one included, against
   * 0.83-1.09 s), the run 15.3-16.1 s instead of 15.3-16.7 s (six runs each).
   */
  private static void fullCollection() {
    long start = System.nanoTime();
    System.gc();
    LOG.debug("  a full collection: {} ms",
        (System.nanoTime() - start) / 1_000_000);
  }

  private static void awaitKept(Thread keeping) {
    try {
      keeping.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void runFull(RunContext run, PartyData data) {
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
      dao.clearChanges(run.runId());
      writeLevelNames(dao, run.rules());
      CopyManager copy = copyManager(handle);
      PairWriter writer = new PairWriter(run.runId(), ruleSet, copySql, copy);
      try (SuspendedIndexes suspended = SuspendedIndexes.of(handle, "hcp.scored_pair")) {
        MatchSummary s = matcher.run(blocked, saved.isEmpty(), writer);
        writer.finish();
        dao.clearHistogram(run.runId());
        s.histogram().bins().forEach((bin, pairs) -> dao.histogramBin(run.runId(), bin, pairs));
        RunMode.did(handle, RunMode.Step.MATCH, run.runId());
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

  /**
   * An incremental run: decides again the links of the region around the changed records
   * ({@link IncrementalMatch}), and lists the region in {@code hcp.match_change} for the cluster
   * step.
   *
   * @param keeping writes the copy of the party data for the next run: started as the links
   *     are stored
   */
  private static void runIncremental(RunContext run, PartyData data,
      PartyDataCache.Changes changes, Thread keeping) {
    Parameters parameters = ParametersFile.read(run.rules()).orElseThrow(() ->
        new Hcp360Exception("an incremental run needs the trained parameters of "
            + run.rules().label()));
    Matcher matcher = new Matcher(run.rules(), parameters, data);
    long start = System.nanoTime();
    MatchDao reader = run.jdbi().onDemand(MatchDao.class);
    int[] changedNow = IncrementalMatch.records(changes.addedOrChanged());
    int[] changedBefore = IncrementalMatch.records(changes.changedOrDeleted());
    PartyData before = MatchModel.loadPrevious(run.jdbi(), run.rules());
    LuceneBlocker.Around around = new LuceneBlocker(run.rules(), data)
        .around(changedNow, before, changedBefore);
    ScoreHistogram histogram = new ScoreHistogram();
    List<Matcher.Scored> fresh = matcher.score(around.pairs(), histogram, new long[1]);
    BitSet touched = new BitSet(data.size());
    for (int[] records : new int[][] {around.rederived(), changedNow, changedBefore}) {
      for (int r : records) {
        touched.set(r);
      }
    }
    IncrementalMatch.Region region = IncrementalMatch.region(
        Math.max(data.size(), before.size()), reader.links(), touched, fresh);
    List<Matcher.Scored> links = matcher.score(region.links(), new ScoreHistogram(),
        new long[1]);
    String copySql = Sql.load(MatchStage.class, "copy-match-pair");
    keeping.start();
    Matcher.Settled settled = run.jdbi().inTransaction(handle -> {
      MatchDao dao = handle.attach(MatchDao.class);
      dao.clearChanges(run.runId());
      writeLevelNames(dao, run.rules());
      dao.createRegion();
      // The region holds every touched record, deleted ones included.
      dao.region(java.util.Arrays.stream(region.records()).map(PartyData::partyId).toArray());
      dao.forgetRegion();
      PairWriter writer = new PairWriter(run.runId(), run.rules().label(), copySql,
          copyManager(handle));
      Matcher.Settled s = matcher.settle(links, writer);
      writer.finish();
      dao.regionChanged(run.runId());
      dao.clearHistogram(run.runId());
      histogram.bins().forEach((bin, pairs) -> dao.histogramBin(run.runId(), bin, pairs));
      RunMode.did(handle, RunMode.Step.MATCH, run.runId());
      return s;
    });
    LOG.info("  incremental: {} records changed or re-derived; {} records' links decided again"
            + " ({} links: {} match, {} for review, {} matches of ambiguous records taken back)"
            + " in {} s",
        String.format("%,d", touched.cardinality()),
        String.format("%,d", region.records().length), String.format("%,d", links.size()),
        String.format("%,d", settled.matches()), String.format("%,d", settled.reviews()),
        String.format("%,d", settled.ambiguous()),
        String.format("%.1f", (System.nanoTime() - start) / 1e9));
  }

  /** Writes decided pairs to hcp.scored_pair and taken-back links to hcp.dropped_pair. */
  private static final class PairWriter implements Matcher.Sink {
    private final long runId;
    private final String ruleSet;
    private final CopyManager copy;
    private final CopyBuffer buffer;
    private final CopyBuffer dropped =
        new CopyBuffer("COPY hcp.dropped_pair (left_id, right_id) FROM STDIN");

    PairWriter(long runId, String ruleSet, String copySql, CopyManager copy) {
      this.runId = runId;
      this.ruleSet = ruleSet;
      this.copy = copy;
      this.buffer = new CopyBuffer(copySql);
    }

    @Override
    public void accept(int a, int b, double score, PairDecision decision, String reason,
        String levels, String weights) {
      buffer.value(runId)
          .value(PartyData.partyId(a)).value(PartyData.partyId(b))
          .value(Double.toString(score)).value(Double.toString(Scorer.probability(score)))
          .value(decision.key()).value(reason).value(levels).value(weights).value(ruleSet);
      buffer.endRow();
      if (buffer.size() > FLUSH_BYTES) {
        flush(buffer, copy);
      }
    }

    @Override
    public void dropped(int a, int b) {
      dropped.value(PartyData.partyId(a)).value(PartyData.partyId(b)).endRow();
    }

    void finish() {
      flush(buffer, copy);
      flush(dropped, copy);
    }
  }

  private static CopyManager copyManager(Handle handle) {
    try {
      return CopyBuffer.copyManager(handle);
    } catch (SQLException e) {
      throw new Hcp360Exception("no COPY on this connection: " + e.getMessage(), e);
    }
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
