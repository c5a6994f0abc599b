package io.hcp360.report;

import io.hcp360.gate.QualityGates;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.Thresholds;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Gathers a run's figures from the store into a {@link RunReport}. Figures of a step the run did
 * not complete are left out: the tables such a step writes still hold an earlier run's rows.
 */
final class ReportGatherer {
  private static final int EXAMPLES = 3;
  private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private ReportGatherer() {}

  /**
   * The figures of the steps before publish, which publish leaves as they are: gathered while
   * it runs ({@link ReportFiguresStage}), or by {@link #gather} when no one did.
   */
  record Early(long runId, List<RunReport.SourceCounts> sources, RunReport.Totals totals,
      List<RunReport.RejectReason> rejects, RunReport.Matching matching,
      RunReport.GoldenChanges goldenIds, List<RunReport.ConsentChange> consent) {}

  /**
   * The figures of the steps before publish (those {@code done}): on all cores, or beside
   * another step (publish) on one connection whose queries take no parallel workers, so that
   * they leave the other step a core.
   */
  static Early early(Jdbi jdbi, long runId, RuleSet rules, Set<String> done, boolean beside) {
    List<RunReport.FileCounts> files = jdbi.withExtension(ReportDao.class, dao -> dao.files(runId));
    ExecutorService pool = Executors.newFixedThreadPool(beside ? 1 : THREADS,
        Thread.ofPlatform().name("report-", 1).daemon().factory());
    Asker ask = beside ? ReportGatherer::askAlone : ReportGatherer::ask;
    try {
      var golden = ask.ask(pool, jdbi, dao -> done.contains("golden")
          ? dao.goldenPerSystem() : List.<ReportDao.SystemCount>of());
      var sources = ask.ask(pool, jdbi, ReportDao::sources);
      var totals = ask.ask(pool, jdbi, dao -> totals(dao, runId, files, done));
      var rejects = ask.ask(pool, jdbi, dao -> rejects(dao, runId));
      var matching = ask.ask(pool, jdbi, dao -> done.contains("match")
          ? matching(dao, runId, rules) : null);
      var goldenIds = ask.ask(pool, jdbi, dao -> goldenIds(dao, runId));
      var consent = ask.ask(pool, jdbi, dao -> dao.consent(runId));
      return new Early(runId, withCounts(sources.join(), golden.join(), false), totals.join(),
          rejects.join(), matching.join(), goldenIds.join(), consent.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Gathers a run's report.
   *
   * @param early its figures of the steps before publish, gathered while publish ran (none:
   *     gathered now)
   */
  static RunReport gather(Jdbi jdbi, long runId, RuleSet rules, String status,
      List<String> failures, Optional<Early> early) {
    ReportDao.RunRow run = jdbi.withExtension(ReportDao.class, dao -> dao.run(runId)).orElseThrow(
        () -> new IllegalArgumentException("no run " + runId));
    List<RunReport.StepTime> steps = jdbi.withExtension(ReportDao.class, dao -> dao.steps(runId));
    Set<String> done = steps.stream().filter(s -> "COMPLETED".equals(s.status()))
        .map(RunReport.StepTime::step).collect(Collectors.toSet());
    List<RunReport.FileCounts> files = jdbi.withExtension(ReportDao.class, dao -> dao.files(runId));
    String mode = jdbi.withExtension(io.hcp360.run.RunDao.class, r -> r.mode(runId));
    // The figures are read-only queries over whole tables, each on its own: asked on all cores
    // at once, each on its own connection.
    ExecutorService pool = Executors.newFixedThreadPool(THREADS,
        Thread.ofPlatform().name("report-", 1).daemon().factory());
    try {
      var before = early.filter(e -> e.runId() == runId).map(CompletableFuture::completedFuture)
          .orElseGet(() -> CompletableFuture.supplyAsync(
              () -> early(jdbi, runId, rules, done, false), pool));
      var lists = ask(pool, jdbi, dao -> dao.lists(runId));
      var gates = CompletableFuture.supplyAsync(() -> QualityGates.checks(jdbi, runId), pool);
      boolean current = done.contains("publish") && jdbi.withExtension(ReportDao.class,
          ReportDao::publishedRun).equals(Optional.of(runId));
      Early e = before.join();
      RunReport.Totals t = e.totals();
      // The run published is the current publish: the golden records and their members as
      // publish found them (it changes the publish tables only), one golden HCP per golden
      // record and one cross-reference per party record (every record is a golden member), so
      // they are not counted again over the published tables (0.4 s at 1,000,000 records).
      List<ReportDao.SystemCount> published = !current ? List.of() : e.sources().stream()
          .map(s -> new ReportDao.SystemCount(s.system(), s.partyRecords())).toList();
      RunReport.Totals totals = new RunReport.Totals(t.rowsRead(), t.rowsStaged(),
          t.rowsRejected(), t.partyRecords(), t.clusters(), t.multiRecordClusters(),
          t.goldenRecords(), t.activitiesLinked(), t.activitiesUnlinked(), t.eligibilityRows(),
          !done.contains("publish") ? null : current ? t.goldenRecords() : Long.valueOf(0));
      return new RunReport(runId, run.jobName(), run.jobFile(), status, run.published(), mode,
          iso(run.startedAt()), iso(OffsetDateTime.now()), failures, gates.join(), files,
          withCounts(e.sources(), published, true), totals, e.rejects(), e.matching(),
          e.goldenIds(), e.consent(), lists.join(), steps);
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } finally {
      pool.shutdown();
    }
  }

  private interface Asker {
    <T> CompletableFuture<T> ask(ExecutorService pool, Jdbi jdbi, Function<ReportDao, T> query);
  }

  private static <T> CompletableFuture<T> ask(ExecutorService pool, Jdbi jdbi,
      Function<ReportDao, T> query) {
    return CompletableFuture.supplyAsync(
        () -> jdbi.withExtension(ReportDao.class, query::apply), pool);
  }

  /** {@link #ask}, the query taking no parallel workers (it runs beside another step). */
  private static <T> CompletableFuture<T> askAlone(ExecutorService pool, Jdbi jdbi,
      Function<ReportDao, T> query) {
    return CompletableFuture.supplyAsync(() -> jdbi.inTransaction(handle -> {
      handle.execute("set local max_parallel_workers_per_gather = 0");
      return query.apply(handle.attach(ReportDao.class));
    }), pool);
  }

  /**
   * The sources with a count per system: their golden HCPs, or their published records (a
   * system with published records and none staged or standardized listed too), in system order.
   */
  private static List<RunReport.SourceCounts> withCounts(List<RunReport.SourceCounts> sources,
      List<ReportDao.SystemCount> counts, boolean published) {
    Map<String, RunReport.SourceCounts> bySystem = new java.util.TreeMap<>();
    sources.forEach(s -> bySystem.put(s.system(), s));
    for (ReportDao.SystemCount c : counts) {
      RunReport.SourceCounts s = bySystem.getOrDefault(c.system(),
          new RunReport.SourceCounts(c.system(), 0, 0, 0, 0));
      bySystem.put(c.system(), published
          ? new RunReport.SourceCounts(s.system(), s.staged(), s.partyRecords(), s.goldenHcps(),
              c.n())
          : new RunReport.SourceCounts(s.system(), s.staged(), s.partyRecords(), c.n(),
              s.published()));
    }
    return List.copyOf(bySystem.values());
  }

  /** The totals of the steps before publish (published HCPs left out: null). */
  private static RunReport.Totals totals(ReportDao dao, long runId,
      List<RunReport.FileCounts> files, Set<String> done) {
    // Once the golden step is done, its records are the clusters, one each, with their sizes.
    ReportDao.Clusters clusters = done.contains("golden") ? dao.goldenClusters()
        : done.contains("cluster") ? dao.clusters() : null;
    ReportDao.Activities activities = done.contains("activities") ? dao.activities() : null;
    return new RunReport.Totals(
        files.stream().mapToLong(RunReport.FileCounts::read).sum(),
        files.stream().mapToLong(RunReport.FileCounts::staged).sum(),
        files.stream().mapToLong(RunReport.FileCounts::rejected).sum(),
        done.contains("standardize") ? dao.partyRecords() : null,
        clusters == null ? null : clusters.clusters(),
        clusters == null ? null : clusters.multiRecord(),
        // one golden record per cluster: counted once (goldenClusters)
        done.contains("golden") ? clusters.clusters() : null,
        activities == null ? null : activities.linked(),
        activities == null ? null : activities.unlinked(),
        done.contains("consent") ? dao.eligibilityRows(runId) : null,
        null);
  }

  private static List<RunReport.RejectReason> rejects(ReportDao dao, long runId) {
    Map<String, List<ReportDao.KindedReject>> byKind = new LinkedHashMap<>();
    for (ReportDao.KindedReject r : dao.rejects(runId, EXAMPLES)) {
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
    }
    return byKind.entrySet().stream().map(e -> new RunReport.RejectReason(e.getKey(),
        e.getValue().get(0).rows(), e.getValue().stream().map(r -> new RunReport.RejectExample(
            r.system(), r.fileName(), r.path(), r.line(), r.reason(), r.raw())).toList()))
        .toList();
  }

  private static RunReport.Matching matching(ReportDao dao, long runId, RuleSet rules) {
    List<ReportDao.PairBin> bins = dao.pairBins();
    List<RunReport.Bin> stored = bins.stream()
        .map(b -> new RunReport.Bin(b.bin(), b.match(), b.review(), b.pairs())).toList();
    List<String> markets = rules.marketThresholds().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ": match " + e.getValue().match() + ", review "
            + e.getValue().review())
        .toList();
    Thresholds thresholds = rules.thresholds();
    return new RunReport.Matching(rules.label(), thresholds.match(), thresholds.review(), markets,
        sum(bins, ReportDao.PairBin::pairs), sum(bins, ReportDao.PairBin::match),
        sum(bins, ReportDao.PairBin::review), dao.reviewRecords(),
        sum(bins, ReportDao.PairBin::hardRuleMatches), stored, dao.scoredHistogram(runId));
  }

  private static long sum(List<ReportDao.PairBin> bins,
      ToLongFunction<ReportDao.PairBin> count) {
    return bins.stream().mapToLong(count).sum();
  }

  private static RunReport.GoldenChanges goldenIds(ReportDao dao, long runId) {
    return dao.publishChange(runId).map(c -> {
      ReportDao.Events events = dao.events(runId);
      Double churn = c.previousIds() == 0 ? null
          : (double) (c.newIds() + c.retiredIds()) / c.previousIds();
      return new RunReport.GoldenChanges(c.previousRun(), c.previousIds(), c.currentIds(),
          c.keptIds(), events.created(), events.split(), events.merged(), c.retiredIds(), churn);
    }).orElse(null);
  }

  private static String iso(OffsetDateTime time) {
    return time == null ? null : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
