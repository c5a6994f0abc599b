package io.hcp360.golden;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.PausedTally;
import io.hcp360.db.Sql;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.run.RunContext;
import io.hcp360.run.RunMode;
import io.hcp360.run.Stage;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every cluster a golden ID (kept from earlier publishes where its records were known;
 * merges, splits and new IDs recorded in the ID history) and builds its golden record with the
 * survivorship rules, recording for every value the record, source and rule it came from. The
 * retired IDs point to their survivors once the run is published (the publish step).
 */
public final class GoldenStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(GoldenStage.class);

  @Override
  public String name() {
    return "golden";
  }

  @Override
  public void run(RunContext run) {
    if (RunMode.done(run.jdbi(), RunMode.Step.GOLDEN, run.runId())) {
      return;
    }
    Survivorship survivorship = Survivorship.besides(run.rules().file());
    run.jdbi().useTransaction(handle -> {
      GoldenDao dao = handle.attach(GoldenDao.class);
      Optional<Long> published = dao.publishedRun();
      // Incremental when the golden tables and the publish hold the same, earlier run: then the
      // clusters the cluster step did not regroup are that run's, with their golden IDs.
      String rules = survivorship.rules();
      boolean sameRules = dao.lastGoldenRules().map(rules::equals).orElse(false);
      boolean incremental = run.incremental() && published.isPresent()
          && published.equals(dao.lastGoldenRun()) && sameRules;
      if (run.incremental() && !incremental) {
        LOG.info("  all golden records built again: {}", sameRules
            ? "the last run's golden records were not published"
            : "the survivorship rules changed");
      }
      if (incremental) {
        dao.createRegionRecords(published.get(), run.runId());
      }
      GoldenIds.Assignment assignment = incremental
          ? GoldenIds.assign(dao.regionClaims(), dao.regionClusters(),
              n -> dao.newGoldenIds(run.runId(), n))
          : GoldenIds.assign(dao.claims(), dao.clusters(),
              n -> dao.newGoldenIds(run.runId(), n));
      dao.createClusterGolden();
      CopyBuffer out = new CopyBuffer(Sql.load(GoldenStage.class, "copy-cluster-golden"));
      assignment.ids().forEach((cluster, golden) -> out.value(cluster).value(golden).endRow());
      try {
        out.flush(CopyBuffer.copyManager(handle));
      } catch (SQLException e) {
        throw new Hcp360Exception("could not write golden IDs: " + e.getMessage(), e);
      }
      int members;
      if (incremental) {
        dao.createRegion();
        dao.clearRegion();
        dao.clearValues(run.runId());  // keeps the values of the golden records not rebuilt
        members = dao.regionMembers(run.runId());
      } else {
        dao.clear(run.runId());
        try (SuspendedIndexes suspended = SuspendedIndexes.of(handle, "hcp.golden_member")) {
          members = dao.members();
        }
      }
      dao.clearEvents(run.runId());
      CopyBuffer events = new CopyBuffer(Sql.load(GoldenStage.class, "copy-golden-id-event"));
      for (GoldenIds.Event event : assignment.events()) {
        events.value(run.runId()).value(event.goldenId()).value(event.event())
            .value(event.related()).value(event.records()).endRow();
      }
      try {
        events.flush(CopyBuffer.copyManager(handle));
      } catch (SQLException e) {
        throw new Hcp360Exception("could not write the golden ID history: " + e.getMessage(), e);
      }
      long records;
      String values = GoldenDao.valuePartition(run.runId());
      dao.createValuePartition(values);
      if (incremental) {
        records = new SurvivorshipPass(survivorship).run(handle, run.runId(), values, members,
            true);
        LOG.info("  incremental: {} golden records built again ({} party records); the others"
                + " and their values stay as the runs that built them left them",
            String.format("%,d", records), String.format("%,d", members));
      } else {
        try (PausedTally tally = PausedTally.of(handle, "golden_record");
            SuspendedIndexes suspended = SuspendedIndexes.of(handle, "hcp.golden_record")) {
          records = new SurvivorshipPass(survivorship).run(handle, run.runId(), values, members);
        }
      }
      dao.keyValuePartition(values);
      dao.attachValuePartition(values, run.runId());
      if (incremental) {
        dao.goldenChanged(run.runId());
      }
      dao.goldenDone(run.runId(), incremental ? "incremental" : "full", rules);
      Map<String, Long> counts = assignment.events().stream().collect(
          java.util.stream.Collectors.groupingBy(GoldenIds.Event::event,
              java.util.stream.Collectors.counting()));
      String created = String.format("%,d", counts.getOrDefault("created", 0L));
      String split = String.format("%,d", counts.getOrDefault("split", 0L));
      String merged = String.format("%,d", counts.getOrDefault("merged", 0L));
      if (incremental) {
        // Not counted over every golden record (0.2-0.25 s at 1,000,000 records): the run
        // summary and report give the total.
        LOG.info("  golden IDs of the records regrouped: {} created, {} split off, {} retired"
            + " by merges; the others kept", created, split, merged);
      } else {
        LOG.info("  {} golden records: {} kept their golden ID, {} created, {} split off,"
                + " {} retired by merges", String.format("%,d", records),
            String.format("%,d", records - counts.getOrDefault("created", 0L)
                - counts.getOrDefault("split", 0L)), created, split, merged);
      }
    });
  }
}
