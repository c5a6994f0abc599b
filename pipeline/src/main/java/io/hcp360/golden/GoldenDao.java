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

  @SqlQuery("select count(distinct cluster_id) from hcp.cluster_member")
  int clusterCount();

  @SqlQuery("select distinct cluster_id from hcp.cluster_member")
  List<Integer> clusters();

  @SqlQuery("select 'HCP' || lpad(nextval('hcp.golden_seq')::text, 9, '0')"
      + " from generate_series(1, :n)")
  List<String> newGoldenIds(@Bind("n") int n);

  @SqlUpdate("create temporary table cluster_golden (cluster_id integer primary key,"
      + " golden_id text not null) on commit drop")
  void createClusterGolden();

  @SqlUpdate("truncate hcp.golden_member, hcp.golden_record")
  void clear();

  @SqlUpdate("""
      insert into hcp.golden_member (party_id, golden_id)
      select c.party_id, g.golden_id
      from hcp.cluster_member c join cluster_golden g using (cluster_id)""")
  int members();

  @SqlUpdate("""
      insert into hcp.golden_record (golden_id, run_id, member_count, first_name, middle_name,
        last_name, credential, specialty, npi, email, phone, city, postal_code, country)
      select m.golden_id, :runId, count(*),
        (array_agg(p.first_name order by p.last_modified desc nulls last, p.party_id)
           filter (where p.first_name is not null))[1],
        (array_agg(p.middle_name order by p.last_modified desc nulls last, p.party_id)
           filter (where p.middle_name is not null))[1],
        (array_agg(p.last_name order by p.last_modified desc nulls last, p.party_id)
           filter (where p.last_name is not null))[1],
        (array_agg(p.credential order by p.last_modified desc nulls last, p.party_id)
           filter (where p.credential is not null))[1],
        (array_agg(p.specialty order by p.last_modified desc nulls last, p.party_id)
           filter (where p.specialty is not null))[1],
        (array_agg(p.npi order by p.last_modified desc nulls last, p.party_id)
           filter (where p.npi_valid))[1],
        (array_agg(p.email order by p.last_modified desc nulls last, p.party_id)
           filter (where p.email is not null))[1],
        (array_agg(p.phone order by p.last_modified desc nulls last, p.party_id)
           filter (where p.phone is not null))[1],
        (array_agg(p.city order by p.last_modified desc nulls last, p.party_id)
           filter (where p.city is not null))[1],
        (array_agg(p.postal_code order by p.last_modified desc nulls last, p.party_id)
           filter (where p.postal_code is not null))[1],
        (array_agg(p.country order by p.last_modified desc nulls last, p.party_id)
           filter (where p.country is not null))[1]
      from hcp.golden_member m join hcp.party p using (party_id)
      group by m.golden_id""")
  int records(@Bind("runId") long runId);
}
