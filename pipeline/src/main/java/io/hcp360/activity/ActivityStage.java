package io.hcp360.activity;

import io.hcp360.db.PausedTally;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the omnichannel activity log ({@code hcp.activity}) of a run: every staged activity
 * (call, email send / open / click, event registration / attendance, sample request), linked to
 * its golden HCP through its source record, (system, party_source_id) → {@code hcp.party}
 * (system, source_id) → {@code hcp.golden_member}. Set-based; see {@code ActivityDao/*.sql}.
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
 * <p>Incremental: when the run's golden step was incremental and hcp.activity holds the
 * published run's activities, the step keeps every activity staged exactly as before (same
 * values, same file and line: compared by the md5 of the staged row) whose source record's
 * golden ID no run since changed; only the files staged again or gone since then are compared
 * (the others are staged as they were); it removes the others and links the run's new and
 * changed activities under new keys. The activities of the source records whose golden ID
 * changed since (hcp.golden_member_change) are linked again in place: those whose golden HCP
 * (or reason for none) changed keep their key and take the run's id. The keys removed, added
 * and linked again are listed in {@code hcp.activity_change} for the publish step. The result
 * holds the same activities, linked the same way, as a full run's, keys and run ids apart: a
 * kept row keeps the key and run id it had. Otherwise (a full run, a full golden step, or
 * activities of a run that was not published) the table is emptied and every activity linked
 * again.
 *
 * <p>Restart: one transaction; a step that failed is run again from the same table and gives
 * the same rows and keys. A step whose transaction committed but that the run did not record as
 * completed (killed in between) keeps what it committed.
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
      ActivityDao.Base base = dao.base(run.runId());
      if (Long.valueOf(run.runId()).equals(base.activityRun())) {
        // An earlier attempt of this step committed, and the run stopped before the step was
        // recorded as completed: the steps before it did not run again, so its result stands
        // (linking again would not build on the published run's activities any more).
        LOG.info("  activities already linked by an earlier attempt of this step");
        report(dao, dao.staged());
        return;
      }
      boolean incremental = run.incremental() && base.incremental();
      if (run.incremental() && !incremental) {
        LOG.info("  every activity linked again: {}", "incremental".equals(base.goldenMode())
            ? "the activities held are not the published run's" : "the golden step was full");
      }
      dao.clearChanges(run.runId());
      dao.workMemory();
      // Statistics of the staged activities, unless none was staged since the step that this
      // one builds on took them (an incremental night whose activity files are unchanged: 0.2 s
      // at 1,700,000 activities).
      if (!incremental || dao.stagedAfter(base.activityRun())) {
        dao.analyzeStaged();
      }
      if (incremental) {
        linkChanged(dao, run.runId(), base.activityRun());
      } else {
        linkAll(handle, dao, run.runId());
      }
      dao.done(run.runId(), incremental ? "incremental" : "full");
      // An incremental run logs what it changed (linkChanged); the totals, counted over every
      // activity (0.2 s at 1,700,000), are in the run report, gathered beside publish.
      if (!incremental) {
        report(dao, dao.staged());
      }
    });
  }

  private static void linkAll(Handle handle, ActivityDao dao, long runId) {
    dao.clear();
    dao.diff();
    try (PausedTally tally = PausedTally.of(handle, "activity");
        SuspendedIndexes suspended = SuspendedIndexes.of(handle, "hcp.activity")) {
      dao.linkAll(runId, 1);
    }
  }

  /** Links what changed since run {@code since}, whose activities the table holds. */
  private static void linkChanged(ActivityDao dao, long runId, long since) {
    long firstKey = dao.firstKey();
    dao.diffSince(since);
    int relinked = dao.relink(since, runId);
    dao.analyzeDiff();
    int removed = dao.remove(runId);
    int linked = dao.linkChanged(runId, firstKey);
    dao.added(runId, firstKey);
    LOG.info("  incremental: {} activities removed, {} linked, {} linked again in place (their"
        + " source record's golden ID changed); the others kept", format(removed),
        format(linked), format(relinked));
  }

  private static void report(ActivityDao dao, long staged) {
    List<ActivityDao.TypeCount> counts = dao.counts();
    long linked = counts.stream().mapToLong(ActivityDao.TypeCount::linked).sum();
    long kept = linked + counts.stream().mapToLong(ActivityDao.TypeCount::unknown).sum();
    LOG.info("  {} activities: {} linked to a golden HCP, {} with an unknown source record,"
        + " {} duplicates kept once", format(kept), format(linked), format(kept - linked),
        format(staged - kept));
    for (ActivityDao.TypeCount c : counts) {
      LOG.info("    {} {} linked, {} unknown source record", c.activityType(),
          format(c.linked()), format(c.unknown()));
    }
  }

  private static String format(long n) {
    return String.format("%,d", n);
  }
}
