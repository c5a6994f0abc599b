package io.hcp360.activity;

import io.hcp360.db.SuspendedIndexes;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the omnichannel activity log ({@code hcp.activity}) of a run: every staged activity
 * (call, email send / open / click, event registration / attendance, sample request), linked to
 * its golden HCP through its source record, (system, party_source_id) → {@code hcp.party}
 * (system, source_id) → {@code hcp.golden_member}. One set-based INSERT … SELECT; see
 * {@code ActivityDao/link.sql}.
 *
 * <ul>
 *   <li>An activity whose source record is unknown (no party record of that system and id in
 *       this run, or one without a golden HCP) is kept, with {@code link_status =
 *       'unknown_source_record'} and the reason, never dropped.
 *   <li>Duplicates: an activity staged more than once in a run with the same system,
 *       activity_type and activity_id (a file delivered twice, overlapping extracts) is kept
 *       once: the most recently logged copy, then the one read last (file path, then line), as
 *       for party records. The type is part of the key because sources reuse one id for the
 *       send, open and click of one message. An activity without an activity_id is never a
 *       duplicate.
 *   <li>Channel, where the source gave none: {@code call} → visit, {@code email_*} → email,
 *       {@code event_*} → events, {@code sample_request} → samples.
 * </ul>
 *
 * <p>Restart: the table holds the latest run only; it is emptied and filled in one transaction.
 */
public final class ActivityStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(ActivityStage.class);

  @Override
  public String name() {
    return "activities";
  }

  @Override
  public void run(RunContext run) {
    run.jdbi().useTransaction(handle -> {
      ActivityDao dao = handle.attach(ActivityDao.class);
      dao.clear();
      long staged = dao.staged(run.runId());
      int kept;
      try (SuspendedIndexes suspended = SuspendedIndexes.of(handle, "hcp.activity")) {
        kept = dao.link(run.runId());
      }
      List<ActivityDao.TypeCount> counts = dao.counts(run.runId());
      long linked = counts.stream().mapToLong(ActivityDao.TypeCount::linked).sum();
      LOG.info("  {} activities: {} linked to a golden HCP, {} with an unknown source record,"
          + " {} duplicates kept once", format(kept), format(linked), format(kept - linked),
          format(staged - kept));
      for (ActivityDao.TypeCount c : counts) {
        LOG.info("    {} {} linked, {} unknown source record", c.activityType(),
            format(c.linked()), format(c.unknown()));
      }
    });
  }

  private static String format(long n) {
    return String.format("%,d", n);
  }
}
