package io.hcp360.publish;

import io.hcp360.db.SuspendedIndexes;
import io.hcp360.gate.QualityGateException;
import io.hcp360.gate.QualityGates;
import io.hcp360.run.Progress;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the run for analysts, in the {@code publish} schema: {@code hcp_xref} (every source
 * record and its golden HCP), {@code hcp} (one row per golden HCP), {@code hcp_lineage} (where
 * each golden value came from), {@code channel_eligibility} (per HCP, channel and purpose), the
 * activity log ({@code activity_log}, and {@code unlinked_activity} for activities whose source
 * record is unknown, with the reason) and a new version of the HCP 360 lists. All are replaced in
 * one transaction: a reader sees the previous publish or this one, never half of it (tables are
 * emptied with TRUNCATE, which is transactional in PostgreSQL: a reader waits for the commit).
 * Before it commits, the list-drop quality gate compares the new lists with the current ones;
 * over its limit the whole transaction rolls back and the previous publish stays.
 *
 * <p>After an incremental golden step, {@code hcp_xref} and {@code hcp} are replaced only where
 * the golden step changed them ({@link HcpTables}); after an incremental activities step, the
 * activity tables only where that step changed them ({@link ActivityTables}). Unchanged rows
 * keep the run_id of the run that wrote them. After an incremental golden step, channel
 * eligibility (rebuilt whole by every consent step) is compared whole with the published rows
 * and only those that differ are replaced ({@link EligibilityTable}). When both steps were
 * incremental, the new list versions compute only the members whose rows may have changed; the
 * rows of the others stay current, nothing is copied ({@link ListVersions}).
 *
 * <p>Restart: a publish that failed rolled back and is done again; one that committed before
 * the run was killed (the step not recorded as completed) is not done twice.
 */
public final class PublishStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(PublishStage.class);

  private final QualityGates gates;

  public PublishStage(QualityGates gates) {
    this.gates = gates;
  }

  @Override
  public String name() {
    return "publish";
  }

  @Override
  public void run(RunContext run) {
    try {
      publish(run);
    } catch (QualityGateException stop) {
      QualityGates.recordStop(run.jdbi(), run.runId(), stop);
      throw stop;
    }
  }

  private void publish(RunContext run) {
    // Each table is one set-based statement: progress is counted in tables.
    Progress progress = Progress.start("publish", "tables", run.job().lists().isEmpty() ? 5 : 6);
    run.jdbi().useTransaction(handle -> {
      PublishDao dao = handle.attach(PublishDao.class);
      dao.workMemory();
      dao.lock();
      PublishDao.Modes modes = dao.modes(run.runId());
      boolean goldenDelta = "incremental".equals(modes.goldenMode());
      boolean activityDelta = "incremental".equals(modes.activityMode());
      Optional<Long> publishedBefore = dao.publishedRunId();
      if (publishedBefore.equals(Optional.of(run.runId()))) {
        // An earlier attempt of this step committed (the whole publish, in one transaction),
        // and the run stopped before the step was recorded as completed.
        LOG.info("  run {} is published already (by an earlier attempt of this step)",
            run.runId());
        return;
      }
      if (goldenDelta) {
        EligibilityTable.listChanges(dao);
      }
      boolean listChanges = goldenDelta && activityDelta && !run.job().lists().isEmpty();
      if (listChanges) {
        ListVersions.listChanges(handle, run.runId());
      }
      HcpTables.Written hcp = HcpTables.publish(handle, dao, run.runId(), goldenDelta);
      progress.advance(2);
      dao.publishedRun(run.runId());
      dao.markPublished(run.runId());
      dao.redirects(run.runId());
      dao.dropRedirectsOfCurrentIds();
      int eligibility = EligibilityTable.publish(handle, dao, run.runId(), goldenDelta);
      progress.advance(1);
      LOG.info("  published {} golden HCPs, {} cross-references and {} channel eligibility"
          + " rows{}", String.format("%,d", hcp.hcps()), String.format("%,d", hcp.xref()),
          String.format("%,d", eligibility),
          goldenDelta ? " (those that changed; the others kept)" : "");
      ActivityTables.Written activities =
          ActivityTables.publish(handle, dao, run.runId(), activityDelta);
      progress.advance(2);
      LOG.info("  published {} activities and {} with an unknown source record{}",
          String.format("%,d", activities.linked()), String.format("%,d", activities.unlinked()),
          activityDelta ? " (those that changed; the others kept)" : "");
      boolean lists = ListVersions.publish(handle, run, listChanges, publishedBefore);
      gates.checkListsBeforeCommit(handle, run.runId(), lists);
      if (lists) {
        handle.attach(ListDao.class).makeCurrent();
      }
      progress.advance(1);
    });
    progress.finish();
  }

  /** Fills a table emptied in this transaction, building its indexes after the rows. */
  static int refill(Handle handle, String table, IntSupplier insert) {
    try (SuspendedIndexes suspended = SuspendedIndexes.of(handle, table)) {
      return insert.getAsInt();
    }
  }
}
