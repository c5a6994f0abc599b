package io.hcp360.publish;

import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the run for analysts, in the {@code publish} schema: {@code hcp_xref} (every source
 * record and its golden HCP), {@code hcp} (one row per golden HCP), {@code hcp_lineage} (where
 * each golden value came from), and the activity log: {@code activity_log} (activities linked to
 * a golden HCP) and {@code unlinked_activity} (those whose source record is unknown, with the
 * reason). All are replaced in one transaction: a reader sees the previous publish or this one,
 * never half of it.
 */
public final class PublishStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(PublishStage.class);

  @Override
  public String name() {
    return "publish";
  }

  @Override
  public void run(RunContext run) {
    run.jdbi().useTransaction(handle -> {
      PublishDao dao = handle.attach(PublishDao.class);
      dao.lock();
      dao.clearXref();
      int xref = dao.xref(run.runId());
      dao.clearHcp();
      int hcps = dao.hcp(run.runId());
      dao.clearLineage();
      dao.lineage(run.runId());
      LOG.info("  published {} golden HCPs and {} cross-references", String.format("%,d", hcps),
          String.format("%,d", xref));
      dao.lockActivities();
      dao.clearActivityLog();
      int linked = dao.activityLog(run.runId());
      dao.clearUnlinkedActivity();
      int unlinked = dao.unlinkedActivity(run.runId());
      LOG.info("  published {} activities and {} with an unknown source record",
          String.format("%,d", linked), String.format("%,d", unlinked));
    });
  }
}
