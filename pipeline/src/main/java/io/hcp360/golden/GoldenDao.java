package io.hcp360.golden;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlScript;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the golden stage. */
interface GoldenDao {

  /** A cluster, its size, and how many of its records an earlier publish gave a golden ID. */
  record Claim(int clusterId, int clusterSize, String goldenId, int votes) {}

  /**
   * Every cluster's claims. A record's key is read from hcp.party_key (a record keeps its
   * party_id for good), a seventh of hcp.party's size: fewer pages to look records up in.
   */
  @SqlQuery("""
      with sizes as (select cluster_id, count(*) as cluster_size from hcp.cluster_member
                     group by cluster_id)
      select c.cluster_id, s.cluster_size, x.golden_id, count(*) as votes
      from hcp.cluster_member c
      join sizes s using (cluster_id)
      join hcp.party_key k using (party_id)
      join publish.hcp_xref x on x.source = k.system and x.source_id = k.source_id
      group by c.cluster_id, s.cluster_size, x.golden_id""")
  @RegisterConstructorMapper(Claim.class)
  List<Claim> claims();

  /**
   * The claims on the clusters of golden_region_members (see {@link #createRegionRecords}). An
   * incremental golden step starts from the published run's golden members, which the published
   * cross-references hold: a record's published golden ID is its membership, looked up by
   * party_id (an array of party_ids: joined, the planner hashed every member), one look-up
   * instead of two (its key, then its cross-reference: 0.39-0.45 s at 1,000,000 records).
   */
  @SqlQuery("""
      with sizes as (select cluster_id, count(*) as cluster_size from golden_region_members
                     group by cluster_id)
      select c.cluster_id, s.cluster_size, m.golden_id, count(*) as votes
      from golden_region_members c
      join sizes s using (cluster_id)
      join hcp.golden_member m using (party_id)
      where m.party_id = any(array(select party_id from golden_region_members))
      group by c.cluster_id, s.cluster_size, m.golden_id""")
  @RegisterConstructorMapper(Claim.class)
  List<Claim> regionClaims();

  @SqlQuery("select cluster_id, count(*) as size from golden_region_members"
      + " group by cluster_id order by cluster_id")
  @RegisterConstructorMapper(ClusterSize.class)
  List<ClusterSize> regionClusters();

  /**
   * The records the cluster steps regrouped (deleted ones included) since the run whose golden
   * records these are: this run's, and those of a run abandoned after its cluster step.
   */
  @SqlUpdate("""
      create temporary table golden_region_records on commit drop as
      select distinct party_id from hcp.cluster_change
      where run_id > :since and run_id <= :runId""")
  void createRegionRecordsOnly(@Bind("since") long since, @Bind("runId") long runId);

  /**
   * The temporary tables golden_region_records (see {@link #createRegionRecordsOnly}) and
   * golden_region_members: every member of their clusters now. With statistics, so that the
   * claims on them are looked up record by record, not joined with every record (1.3 s at 1M).
   */
  default void createRegionRecords(long since, long runId) {
    createRegionRecordsOnly(since, runId);
    createRegionMembers();
  }

  @SqlScript("""
      create temporary table golden_region_members on commit drop as
      select cluster_id, party_id from hcp.cluster_member
      where cluster_id = any(array(
        select c.cluster_id from hcp.cluster_member c
        where c.party_id = any(array(select party_id from golden_region_records))));
      analyze golden_region_records;
      analyze golden_region_members""")
  void createRegionMembers();

  /**
   * The golden IDs whose golden records the run builds again: those the regrouped records had,
   * and those their clusters get now (in cluster_golden).
   */
  @SqlUpdate("""
      create temporary table golden_region on commit drop as
      select golden_id from hcp.golden_member m
      where m.party_id = any(array(select party_id from golden_region_records))
      union
      select golden_id from cluster_golden""")
  void createRegion();

  /** Removes the golden records of golden_region: the golden step builds them again. */
  @SqlUpdate("""
      delete from hcp.golden_record where golden_id in (select golden_id from golden_region)""")
  void clearRegion();

  /**
   * Gives the regrouped records their golden IDs now (those of their clusters in cluster_golden;
   * a deleted record none), changing only the memberships that change: most regrouped records
   * keep their golden ID. The records whose golden ID changed are listed in
   * hcp.golden_member_change. Returns how many members the regrouped clusters have.
   */
  default int regionMembers(long runId) {
    createMemberTables();
    int members = membersAfter();
    memberChanged(runId);
    removeChangedMembers(runId);
    addChangedMembers(runId);
    return members;
  }

  /**
   * The temporary tables members_before (the regrouped records' memberships, looked up) and
   * members_after (to be filled by {@link #membersAfter}).
   */
  @SqlScript("""
      create temporary table members_before on commit drop as
      select party_id, golden_id from hcp.golden_member
      where party_id = any(array(select party_id from golden_region_records));
      create temporary table members_after (party_id integer, golden_id text) on commit drop""")
  void createMemberTables();

  /** The members of the regrouped clusters (cluster_golden holds those only), by cluster. */
  @SqlUpdate("""
      insert into members_after (party_id, golden_id)
      select c.party_id, g.golden_id
      from hcp.cluster_member c join cluster_golden g using (cluster_id)
      where c.cluster_id = any(array(select cluster_id from cluster_golden))""")
  int membersAfter();

  /**
   * Lists in hcp.golden_member_change the regrouped records whose golden ID changed: of another
   * golden HCP now, added (none before) or deleted (none now).
   */
  @SqlUpdate("""
      with d as (delete from hcp.golden_member_change where run_id = :runId)
      insert into hcp.golden_member_change (run_id, party_id)
      select :runId, party_id
      from members_before b full join members_after a using (party_id)
      where b.golden_id is distinct from a.golden_id""")
  int memberChanged(@Bind("runId") long runId);

  @SqlUpdate("""
      delete from hcp.golden_member
      where party_id = any(array(select party_id from hcp.golden_member_change
                                 where run_id = :runId))""")
  void removeChangedMembers(@Bind("runId") long runId);

  /** A semi-join: members_after has no index to look the changed records up in. */
  @SqlUpdate("""
      insert into hcp.golden_member (party_id, golden_id)
      select party_id, golden_id from members_after
      where party_id in (select party_id from hcp.golden_member_change where run_id = :runId)""")
  void addChangedMembers(@Bind("runId") long runId);

  @SqlQuery("select incremental_state.golden_run from hcp.incremental_state")
  java.util.Optional<Long> lastGoldenRun();

  @SqlUpdate("""
      with s as (update hcp.incremental_state set golden_run = :runId, golden_rules = :rules)
      update hcp.run set golden_mode = :mode where run_id = :runId""")
  void goldenDone(@Bind("runId") long runId, @Bind("mode") String mode,
      @Bind("rules") String rules);

  @SqlQuery("select golden_rules from hcp.incremental_state")
  java.util.Optional<String> lastGoldenRules();

  /** Lists the golden IDs built again (golden_region) for the publish step. */
  @SqlUpdate("""
      with d as (delete from hcp.golden_change where run_id = :runId)
      insert into hcp.golden_change (run_id, golden_id)
      select :runId, golden_id from golden_region""")
  void goldenChanged(@Bind("runId") long runId);

  /** A cluster and its number of records. */
  record ClusterSize(int clusterId, int size) {}

  @SqlQuery("select cluster_id, count(*) as size from hcp.cluster_member group by cluster_id"
      + " order by cluster_id")
  @RegisterConstructorMapper(ClusterSize.class)
  List<ClusterSize> clusters();

  /**
   * {@code n} new golden IDs, numbered after the highest one any other run gave out or any
   * publish holds (each maximum read from the end of an index, V37). Not from a sequence: a
   * golden step run again after a crash must give the same new IDs as it would have the first
   * time (a sequence keeps what a rolled-back or killed attempt took).
   */
  @SqlQuery("""
      with highest as (
        select greatest(
          (select max(substr(golden_id, 4)::bigint) from hcp.golden_id_event
           where run_id <> :runId and golden_id ~ '^HCP[0-9]+$'),
          (select max(substr(golden_id, 4)::bigint) from publish.hcp_xref
           where golden_id ~ '^HCP[0-9]+$'),
          0) as n)
      select 'HCP' || lpad((h.n + i)::text, 9, '0')
      from highest h, generate_series(1, :n) i order by i""")
  List<String> newGoldenIds(@Bind("runId") long runId, @Bind("n") int n);

  @SqlUpdate("create temporary table cluster_golden (cluster_id integer primary key,"
      + " golden_id text not null) on commit drop")
  void createClusterGolden();

  @SqlUpdate("truncate hcp.golden_member, hcp.golden_record")
  void clearMembers();

  /** The partitions of hcp.golden_value: one per run, named by {@link #valuePartition}. */
  @SqlQuery("""
      select inhrelid::regclass::text from pg_inherits
      where inhparent = cast('hcp.golden_value' as regclass)""")
  java.util.List<String> valuePartitions();

  @SqlQuery("select run_id from publish.published_run")
  java.util.Optional<Long> publishedRun();

  @SqlUpdate("drop table <partition>")
  void dropTable(@Define("partition") String partition);

  @SqlUpdate("create table <partition> (like hcp.golden_value including defaults)")
  void createValuePartition(@Define("partition") String partition);

  @SqlUpdate("alter table <partition> add primary key (run_id, golden_id, attribute)")
  void keyValuePartition(@Define("partition") String partition);

  @SqlUpdate("alter table hcp.golden_value attach partition <partition> for values in (<runId>)")
  void attachValuePartition(@Define("partition") String partition, @Define("runId") long runId);

  /** The table of a run's golden values. */
  static String valuePartition(long runId) {
    return "hcp.golden_value_run_" + runId;
  }

  /**
   * Whether a run's golden values are still in use: it built a published golden HCP
   * (publish.hcp_lineage shows them until this run is published) or a golden record this run
   * keeps. Asked per partition, a run in use is found at its first row, where collecting every
   * run in use read both tables whole (0.14 s a night at 1,000,000 records).
   */
  @SqlQuery("""
      select exists (select 1 from publish.hcp where run_id = :run)
        or exists (select 1 from hcp.golden_record where run_id = :run)""")
  boolean valuesInUse(@Bind("run") long run);

  /**
   * Drops the partitions of hcp.golden_value no golden HCP uses any more, and this run's (its
   * values are loaded anew). A golden record's values stay in the partition of the run that
   * built it: an incremental run writes only those of the golden records it builds again.
   */
  default void clearValues(long runId) {
    for (String partition : valuePartitions()) {
      String suffix = partition.substring(partition.lastIndexOf('_') + 1);
      boolean keep = suffix.matches("[0-9]+") && Long.parseLong(suffix) != runId
          && valuesInUse(Long.parseLong(suffix));
      if (!keep) {
        dropTable(partition);
      }
    }
  }

  default void clear(long runId) {
    clearMembers();
    clearValues(runId);
  }

  /** Every cluster's members, with the golden IDs of cluster_golden. */
  @SqlUpdate("""
      insert into hcp.golden_member (party_id, golden_id)
      select c.party_id, g.golden_id
      from hcp.cluster_member c join cluster_golden g using (cluster_id)""")
  int members();

  @SqlUpdate("delete from hcp.golden_id_event where run_id = :runId")
  void clearEvents(@Bind("runId") long runId);
}
