package io.hcp360.evaluate;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What an evaluation reads from the store. */
interface EvaluationDao {
  /** A published record and its golden ID. */
  record Published(String source, String sourceId, String goldenId) {}

  @SqlQuery("select source, source_id, golden_id from publish.hcp_xref")
  @RegisterConstructorMapper(Published.class)
  List<Published> published();

  @SqlQuery("select count(*) from publish.hcp_xref")
  long publishedRecords();

  @SqlQuery("select count(*) from hcp.match_pair where decision = 'review'")
  long reviewPairs();

  @SqlQuery("""
      select count(*) from (
        select left_id from hcp.match_pair where decision = 'review'
        union
        select right_id from hcp.match_pair where decision = 'review') r""")
  long reviewRecords();

  @SqlQuery("""
      select p.system, p.source_id, p.first_name, p.last_name, p.npi, p.email
      from hcp.party p
      join unnest(:systems, :sourceIds) as k(system, source_id)
        on p.system = k.system and p.source_id = k.source_id""")
  @RegisterConstructorMapper(PartySummary.class)
  List<PartySummary> parties(@Bind("systems") String[] systems,
      @Bind("sourceIds") String[] sourceIds);
}
