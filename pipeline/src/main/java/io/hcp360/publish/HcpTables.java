package io.hcp360.publish;

import io.hcp360.db.IndexLookups;
import org.jdbi.v3.core.Handle;

/**
 * {@code publish.hcp_xref} and {@code publish.hcp}, in the publish transaction. After a full
 * golden step both are emptied and filled again. After an incremental one (which started from
 * the published run's golden IDs and records, and built again only those of the regrouped
 * records, listed in {@code hcp.golden_change}) the cross-references of the records whose
 * golden ID it changed ({@code hcp.golden_member_change}) are compared with what the golden
 * step left and replaced (most regrouped records keep their golden ID); the rows of the golden
 * IDs built again are replaced (their lineage is in this run's values). Every other row is
 * already what a full publish would write, but for its run_id and published_at, which stay
 * those of the run that wrote it.
 */
final class HcpTables {
  private HcpTables() {}

  /** Rows written: cross-references and golden HCPs. */
  record Written(int xref, int hcps) {}

  static Written publish(Handle handle, PublishDao dao, long runId, boolean incrementalGolden) {
    if (!incrementalGolden) {
      dao.clearXref();
      int xref = PublishStage.refill(handle, "publish.hcp_xref", () -> dao.xref(runId));
      dao.clearHcp();
      int hcps = PublishStage.refill(handle, "publish.hcp", () -> dao.hcp());
      return new Written(xref, hcps);
    }
    int region = dao.createRegion(runId);
    dao.analyzeRegion();
    // The region's records and cross-references looked up by key (a few ten thousand): the
    // planner hashed all million published cross-references to add a few (0.28 s to 0.06 s)
    // and their party records to find their golden IDs now (0.2 s to 0.13 s).
    IndexLookups.forStatement(handle, region, dao::createXrefNow);
    // Those to remove looked up by key too, in the published cross-references and in xref_now
    // (given a key for it): the planner read all million published ones to remove 4,600 of the
    // 7,900 looked at (0.32-0.42 s).
    dao.keyXrefNow();
    IndexLookups.forStatement(handle, region, dao::removeChangedXref);
    int xref = IndexLookups.forStatement(handle, region, () -> dao.addChangedXref(runId));
    dao.removeChangedHcp(runId);
    return new Written(xref, dao.changedHcp(runId));
  }
}
