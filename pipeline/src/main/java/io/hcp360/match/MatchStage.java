package io.hcp360.match;

import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds pairs of party records that describe the same person. For now deterministic only: the
 * same valid NPI, or the same normalised email.
 */
public final class MatchStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(MatchStage.class);

  @Override
  public String name() {
    return "match";
  }

  @Override
  public void run(RunContext run) {
    run.jdbi().useTransaction(handle -> {
      MatchDao dao = handle.attach(MatchDao.class);
      dao.clear();
      int npi = dao.sameValidNpi(run.runId());
      int email = dao.sameEmail(run.runId());
      LOG.info("  {} pairs by valid NPI, {} by email", String.format("%,d", npi),
          String.format("%,d", email));
    });
  }
}
