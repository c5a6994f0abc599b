package io.hcp360.standardize;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The party records' keys and an incremental run's changes: the changed records are first
 * standardized into the temporary table {@code party_new}, then swapped into {@code hcp.party}.
 */
interface PartyChangeDao {

  @SqlQuery("select coalesce(max(party_id), 0) from hcp.party_key")
  int highestPartyId();

  @SqlUpdate("create temporary table party_new (like hcp.party including defaults)"
      + " on commit drop")
  void createNewParty();

  @SqlUpdate("""
      with c as (delete from hcp.party_change where run_id = :runId)
      delete from hcp.party_previous""")
  void clear(@Bind("runId") long runId);

  /** The records hcp.party holds that the run did not stage: gone from the extracts. */
  @SqlUpdate("""
      insert into hcp.party_change (run_id, party_id, change)
      select :runId, p.party_id, 'deleted' from hcp.party p
      where not exists (select 1 from hcp.staged_party s
                        where s.system = p.system and s.source_id = p.source_id)""")
  void deleted(@Bind("runId") long runId);

  /**
   * Of the records whose staged rows changed since run {@code since}, those hcp.party holds that
   * the run did not stage (the same as {@link #deleted}, from the records ingest changed).
   */
  @SqlUpdate("""
      insert into hcp.party_change (run_id, party_id, change)
      select :runId, p.party_id, 'deleted' from hcp.party p
      where (p.system, p.source_id) in (select system, source_id from hcp.staged_change
                                        where run_id > :since)
        and not exists (select 1 from hcp.staged_party s
                        where s.system = p.system and s.source_id = p.source_id)""")
  void deletedAmongChanged(@Bind("runId") long runId, @Bind("since") long since);

  /** The records the run's ingest changed are standardized: forgets them. */
  @SqlUpdate("delete from hcp.staged_change where run_id <= :runId")
  void forgetStagedChanges(@Bind("runId") long runId);

  @SqlUpdate("""
      insert into hcp.party_change (run_id, party_id, change)
      select :runId, n.party_id,
        case when exists (select 1 from hcp.party p where p.party_id = n.party_id)
             then 'changed' else 'added' end
      from party_new n""")
  void addedOrChanged(@Bind("runId") long runId);

  @SqlUpdate("""
      insert into hcp.party_previous
      select p.* from hcp.party p
      join hcp.party_change c on c.party_id = p.party_id and c.run_id = :runId""")
  void keepPrevious(@Bind("runId") long runId);

  @SqlUpdate("""
      delete from hcp.party p using hcp.party_change c
      where c.run_id = :runId and c.party_id = p.party_id""")
  void removeChanged(@Bind("runId") long runId);

  @SqlUpdate("insert into hcp.party select * from party_new")
  void insertNew();

  /** Records numbered for the first time keep their number for good. */
  @SqlUpdate("""
      insert into hcp.party_key (system, source_id, party_id)
      select system, source_id, party_id from <table> n
      where not exists (select 1 from hcp.party_key k where k.party_id = n.party_id)""")
  void newKeys(@Define("table") String table);

  record Count(String change, int records) {}

  @SqlQuery("select change, count(*)::int as records from hcp.party_change where run_id = :runId"
      + " group by change")
  @RegisterConstructorMapper(Count.class)
  List<Count> counts(@Bind("runId") long runId);
}
