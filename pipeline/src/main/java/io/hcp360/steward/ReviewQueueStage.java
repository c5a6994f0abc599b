package io.hcp360.steward;

import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.Thresholds;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the merge queue after the cluster step: every review-band pair of the run becomes a
 * queue item, or keeps the one it has (item IDs are keyed by the two source records, so they
 * survive runs); items no longer in the band are marked gone; pairs already decided stay
 * decided; decisions flagged for re-review come back as items.
 */
public final class ReviewQueueStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewQueueStage.class);

  @Override
  public String name() {
    return "queue";
  }

  @Override
  public void run(RunContext run) {
    RuleSet rules = run.rules();
    String markets = markets(rules.marketThresholds());
    double match = rules.thresholds().match();
    double review = rules.thresholds().review();
    run.jdbi().useTransaction(h -> {
      ReviewQueueDao dao = h.attach(ReviewQueueDao.class);
      int inBand = dao.reviewPairs(run.runId(), match, review, markets);
      int gone = dao.gone(run.runId());
      dao.decided();
      int reReview = dao.reReview(run.runId(), match, review, markets);
      LOG.info("  merge queue: {} pairs in the review band, {} open items, {} for re-review;"
              + " {} items left the band", String.format("%,d", inBand),
          String.format("%,d", dao.count("open")), String.format("%,d", reReview),
          String.format("%,d", gone));
    });
  }

  /** {"DE": [match, review], ...}, for the SQL. */
  private static String markets(Map<String, Thresholds> thresholds) {
    JsonText json = new JsonText();
    thresholds.forEach((market, t) -> json.raw(market, "[" + t.match() + "," + t.review() + "]"));
    return json.toString();
  }
}
