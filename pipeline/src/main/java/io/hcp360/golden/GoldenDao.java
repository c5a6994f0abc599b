package io.hcp360.golden;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the golden stage. */
interface GoldenDao {

  /** A cluster, its size, and how many of its records an earlier publish gave a golden ID. */
  record Claim(int clusterId, int clusterSize, String goldenId, int votes) {}

  @SqlQuery("""
      with sizes as (select cluster_id, count(*) as cluster_size
                     from hcp.cluster_member group by cluster_id)
      select c.cluster_id, s.cluster_size, x.golden_id, count(*) as votes
      from hcp.cluster_member c
      join sizes s using (cluster_id)
      join hcp.party p using (party_id)
      join publish.hcp_xref x on x.source = p.system and x.source_id = p.source_id
      group by c.cluster_id, s.cluster_size, x.golden_id""")
  @RegisterConstructorMapper(Claim.class)
  List<Claim> claims();


  /** A cluster and its number of records. */
  record ClusterSize(int clusterId, int size) {}

  @SqlQuery("select cluster_id, count(*) as size from hcp.cluster_member group by cluster_id"
      + " order by cluster_id")
  @RegisterConstructorMapper(ClusterSize.class)
  List<ClusterSize> clusters();

  /**
   * {@code n} new golden IDs, numbered after the highest one any other run gave out or any
   * publish holds. Not from a sequence: a golden step run again after a crash must give the same
   * new IDs as it would have the first time (a sequence keeps what a rolled-back or killed
   * attempt took).
   */
  @SqlQuery("""
      with issued as (
        select golden_id from hcp.golden_id_event where run_id <> :runId
        union all
        select golden_id from publish.hcp_xref),
      highest as (
        select coalesce(max(substr(golden_id, 4)::bigint), 0) as n from issued
        where golden_id ~ '^HCP[0-9]+$')
      select 'HCP' || lpad((h.n + i)::text, 9, '0')
      from highest h, generate_series(1, :n) i order by i""")
  List<String> newGoldenIds(@Bind("runId") long runId, @Bind("n") int n);

  @SqlUpdate("create temporary table cluster_golden (cluster_id integer primary key,"
      + " golden_id text not null) on commit drop")
  void createClusterGolden();

  @SqlUpdate("truncate hcp.golden_member, hcp.golden_record")
  void clearMembers();

  /** This run's values (a restart), and those of runs that are neither it nor published. */
  @SqlUpdate("""
      delete from hcp.golden_value
      where run_id = :runId
         or run_id not in (select run_id from publish.published_run)""")
  void clearValues(@Bind("runId") long runId);

  default void clear(long runId) {
    clearMembers();
    clearValues(runId);
  }

  @SqlUpdate("""
      insert into hcp.golden_member (party_id, golden_id)
      select c.party_id, g.golden_id
      from hcp.cluster_member c join cluster_golden g using (cluster_id)""")
  int members();

  @SqlUpdate("delete from hcp.golden_id_event where run_id = :runId")
  void clearEvents(@Bind("runId") long runId);

  @SqlUpdate("""
      insert into hcp.golden_id_redirect (retired_id, survivor_id, run_id)
      values (:retired, :survivor, :runId)
      on conflict (retired_id) do update set survivor_id = excluded.survivor_id,
        run_id = excluded.run_id""")
  void redirect(@Bind("runId") long runId, @Bind("retired") String retired,
      @Bind("survivor") String survivor);

  /** An ID published again (after a split back, say) is current: it no longer redirects. */
  @SqlUpdate("""
      delete from hcp.golden_id_redirect r
      using hcp.golden_member m where m.golden_id = r.retired_id""")
  void dropRedirectsOfCurrentIds();
}
