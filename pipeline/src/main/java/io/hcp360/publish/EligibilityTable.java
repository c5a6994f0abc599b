package io.hcp360.publish;

import org.jdbi.v3.core.Handle;

/**
 * {@code publish.channel_eligibility}, in the publish transaction. The consent step rebuilds
 * {@code hcp.channel_eligibility} whole every run; after a full run the published table is
 * emptied and filled again. In an incremental run (the golden step incremental) only the rows
 * that differ from the published ones are replaced, found by comparing both tables whole
 * ({@link PublishDao#eligibilityChanges}, read before any published table changes): the result
 * is the same, rows kept keep the run_id and time that wrote them.
 */
final class EligibilityTable {
  private EligibilityTable() {}

  /** Lists the changed rows; to be called before the published tables change. */
  static void listChanges(PublishDao dao) {
    dao.eligibilityChanges();
    dao.analyzeEligibilityChanges();
  }

  /** Rows written. */
  static int publish(Handle handle, PublishDao dao, long runId, boolean changesListed) {
    if (!changesListed) {
      dao.clearChannelEligibility();
      return PublishStage.refill(handle, "publish.channel_eligibility",
          () -> dao.channelEligibility(runId));
    }
    dao.removeChangedEligibility();
    return dao.changedEligibility(runId);
  }
}
