package io.hcp360.cluster;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the cluster stage. */
interface ClusterDao {

  @SqlUpdate("truncate hcp.cluster_member")
  void clear();

  @SqlQuery("select coalesce(max(party_id), 0) from hcp.party_key")
  int highestPartyId();

  /** The records whose links this (incremental) run's match step decided again. */
  @SqlQuery("select party_id from hcp.match_change where run_id = :runId")
  int[] matchChanged(@Bind("runId") long runId);

  @SqlUpdate("delete from hcp.cluster_change where run_id = :runId")
  void clearChanges(@Bind("runId") long runId);

  /** The records an incremental run regroups, for the golden step. */
  @SqlUpdate("insert into hcp.cluster_change (run_id, party_id) select :runId, unnest(:ids)")
  void regrouped(@Bind("runId") long runId, @Bind("ids") int[] partyIds);

  /** The records this run's standardize step added, changed or deleted. */
  @SqlQuery("select party_id from hcp.party_change where run_id = :runId")
  int[] partyChanged(@Bind("runId") long runId);

  /** The clusters some records were in before this run regroups them. */
  @SqlQuery("select party_id, cluster_id from hcp.cluster_member where party_id = any(:ids)")
  @RegisterConstructorMapper(ClusterChanges.Member.class)
  java.util.List<ClusterChanges.Member> clusters(@Bind("ids") int[] partyIds);

  /** Removes the records an incremental run regroups (and deleted ones). */
  @SqlUpdate("delete from hcp.cluster_member where party_id = any(:ids)")
  void forget(@Bind("ids") int[] partyIds);
}
