package io.hcp360.publish;

import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the run for analysts, in the {@code publish} schema: {@code hcp_xref} (every source
 * record and its golden HCP), {@code hcp} (one row per golden HCP) and
 * {@code channel_eligibility} (per HCP, channel and purpose). All are replaced in one
 * transaction: a reader sees the previous publish or this one, never half of it.
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
      dao.clearChannelEligibility();
      int eligibility = dao.channelEligibility(run.runId());
      LOG.info("  published {} golden HCPs, {} cross-references and {} channel eligibility rows",
          String.format("%,d", hcps), String.format("%,d", xref),
          String.format("%,d", eligibility));
    });
  }
}
