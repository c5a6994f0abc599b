package io.hcp360.publish;

import org.jdbi.v3.core.Handle;

/**
 * {@code publish.activity_log} and {@code publish.unlinked_activity}, in the publish
 * transaction. After a full activities step both are emptied and filled again from
 * {@code hcp.activity}. After an incremental one (which started from the published run's
 * activities) only the activities whose keys it removed, added or linked again
 * ({@code hcp.activity_change}) are replaced; every other row is already what a full publish
 * would write, but for its run_id.
 */
final class ActivityTables {
  private ActivityTables() {}

  /** Rows written: linked activities and those with an unknown source record. */
  record Written(int linked, int unlinked) {}

  static Written publish(Handle handle, PublishDao dao, long runId,
      boolean incrementalActivities) {
    dao.lockActivities();
    if (!incrementalActivities) {
      dao.clearActivityLog();
      int linked = PublishStage.refill(handle, "publish.activity_log",
          () -> dao.activityLog(runId));
      dao.clearUnlinkedActivity();
      int unlinked = PublishStage.refill(handle, "publish.unlinked_activity",
          () -> dao.unlinkedActivity(runId));
      return new Written(linked, unlinked);
    }
    dao.removeChangedActivities(runId);
    return new Written(dao.changedActivityLog(runId), dao.changedUnlinkedActivity(runId));
  }
}
