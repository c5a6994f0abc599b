package io.hcp360.publish;

import io.hcp360.config.HcpList;
import io.hcp360.run.Progress;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
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
 */
public final class PublishStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(PublishStage.class);

  @Override
  public String name() {
    return "publish";
  }

  @Override
  public void run(RunContext run) {
    // Each table is one set-based statement: progress is counted in tables.
    Progress progress = Progress.start("publish", "tables", run.job().lists().isEmpty() ? 5 : 6);
    run.jdbi().useTransaction(handle -> {
      PublishDao dao = handle.attach(PublishDao.class);
      dao.lock();
      dao.clearXref();
      int xref = dao.xref(run.runId());
      progress.advance(1);
      dao.clearHcp();
      int hcps = dao.hcp(run.runId());
      progress.advance(1);
      dao.publishedRun(run.runId());
      dao.clearChannelEligibility();
      int eligibility = dao.channelEligibility(run.runId());
      progress.advance(1);
      LOG.info("  published {} golden HCPs, {} cross-references and {} channel eligibility rows",
          String.format("%,d", hcps), String.format("%,d", xref),
          String.format("%,d", eligibility));
      dao.lockActivities();
      dao.clearActivityLog();
      int linked = dao.activityLog(run.runId());
      progress.advance(1);
      dao.clearUnlinkedActivity();
      int unlinked = dao.unlinkedActivity(run.runId());
      progress.advance(1);
      LOG.info("  published {} activities and {} with an unknown source record",
          String.format("%,d", linked), String.format("%,d", unlinked));
      publishLists(dao, run);
      progress.advance(1);
    });
    progress.finish();
  }

  /** A new version of every brand's list in every market, made current in this transaction. */
  private static void publishLists(PublishDao dao, RunContext run) {
    if (run.job().lists().isEmpty()) {
      return;
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
    dao.makeCurrent();
    LOG.info("  published {} HCP 360 lists ({} brand-market memberships), as of {}", versions,
        String.format("%,d", members), asOf);
  }
}
