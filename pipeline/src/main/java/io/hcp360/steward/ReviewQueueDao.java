package io.hcp360.steward;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the queue step: the review band as queue items, and decisions flagged for re-review. */
interface ReviewQueueDao {
  @SqlUpdate
  @UseClasspathSqlLocator
  int reviewPairs(@Bind("runId") long runId, @Bind("match") double match,
      @Bind("review") double review, @Bind("markets") String markets);

  @SqlUpdate("""
      update hcp.review_item set status = 'gone'
      where status = 'open' and last_run_id < :runId""")
  int gone(@Bind("runId") long runId);

  @SqlUpdate("""
      update hcp.review_item i
      set status = case when d.kind = 'must_link' then 'approved' else 'rejected' end,
          decision_id = d.decision_id
      from hcp.steward_decision d
      where d.status = 'active' and i.status in ('open', 'gone')
        and d.left_system = i.left_system and d.left_source_id = i.left_source_id
        and d.right_system = i.right_system and d.right_source_id = i.right_source_id""")
  int decided();

  @SqlUpdate
  @UseClasspathSqlLocator
  int reReview(@Bind("runId") long runId, @Bind("match") double match,
      @Bind("review") double review, @Bind("markets") String markets);

  @SqlQuery("select count(*) from hcp.review_item where status = :status")
  long count(@Bind("status") String status);
}
