package io.hcp360.publish;

import io.hcp360.config.HcpList;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.gate.QualityGateException;
import io.hcp360.gate.QualityGates;
import io.hcp360.run.Progress;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
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
      dao.clearXref();
      int xref = refill(handle, "publish.hcp_xref", () -> dao.xref(run.runId()));
      progress.advance(1);
      dao.clearHcp();
      int hcps = refill(handle, "publish.hcp", () -> dao.hcp(run.runId()));
      progress.advance(1);
      dao.publishedRun(run.runId());
      dao.markPublished(run.runId());
      dao.redirects(run.runId());
      dao.dropRedirectsOfCurrentIds();
      dao.clearChannelEligibility();
      int eligibility = refill(handle, "publish.channel_eligibility",
          () -> dao.channelEligibility(run.runId()));
      progress.advance(1);
      LOG.info("  published {} golden HCPs, {} cross-references and {} channel eligibility rows",
          String.format("%,d", hcps), String.format("%,d", xref),
          String.format("%,d", eligibility));
      dao.lockActivities();
      dao.clearActivityLog();
      int linked = refill(handle, "publish.activity_log", () -> dao.activityLog(run.runId()));
      progress.advance(1);
      dao.clearUnlinkedActivity();
      int unlinked = refill(handle, "publish.unlinked_activity",
          () -> dao.unlinkedActivity(run.runId()));
      progress.advance(1);
      LOG.info("  published {} activities and {} with an unknown source record",
          String.format("%,d", linked), String.format("%,d", unlinked));
      boolean lists = publishLists(dao, run);
      gates.checkListsBeforeCommit(handle, run.runId(), lists);
      if (lists) {
        dao.makeCurrent();
      }
      progress.advance(1);
    });
    progress.finish();
  }

  /** Fills a table emptied in this transaction, building its indexes after the rows. */
  private static int refill(Handle handle, String table, IntSupplier insert) {
    try (SuspendedIndexes suspended = SuspendedIndexes.of(handle, table)) {
      return insert.getAsInt();
    }
  }

  /**
   * A new version of every brand's list in every market, to be made current in this
   * transaction; whether the job has lists.
   */
  private static boolean publishLists(PublishDao dao, RunContext run) {
    if (run.job().lists().isEmpty()) {
      return false;
    }
    java.time.OffsetDateTime asOf = dao.asOf().orElse(java.time.OffsetDateTime.now());
    dao.prepareLists();
    int versions = 0;
    for (HcpList list : run.job().lists()) {
      String[] prefixes = list.activityBrands().stream()
          .map(b -> b.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%")
          .toArray(String[]::new);
      for (String market : list.markets()) {
        long version = dao.version(run.runId(), list.brand(), market);
        dao.clearListVersion(version);
        dao.listVersion(version, run.runId(), list.brand(), market, asOf);
        dao.listSpec(version, list.brand(), market, prefixes, list.targeting().orElse(null));
        versions++;
      }
    }
    long members = dao.listMembers();
    dao.listSizes();
    LOG.info("  published {} HCP 360 lists ({} brand-market memberships), as of {}", versions,
        String.format("%,d", members), asOf);
    return true;
  }
}
