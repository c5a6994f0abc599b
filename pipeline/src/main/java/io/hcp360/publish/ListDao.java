package io.hcp360.publish;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlScript;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of the HCP 360 lists, in the publish transaction. The new versions are listed in the
 * temporary table {@code list_spec}; the golden HCPs whose members are computed, in
 * {@code list_scope}; their computed rows, in {@code list_member}. Members are stored as ranges
 * of versions in {@code publish.hcp360_list_row} (see V31__list_member_ranges.sql).
 */
interface ListDao {

  @SqlUpdate("""
      create temporary table list_spec (
        version_id bigint primary key,
        brand      text not null,
        market     text not null,
        prefixes   text[] not null,
        targeting  text
      ) on commit drop""")
  void createListSpec();

  /** The golden HCPs whose list rows may change, before the published tables change. */
  @SqlUpdate
  @UseClasspathSqlLocator
  void changedMembers(@Bind("runId") long runId);

  @SqlQuery("select max(occurred_at) from publish.activity_log")
  Optional<OffsetDateTime> asOf();

  /**
   * The version a list gets in this run: the one this run gave it before, when it is still the
   * list's latest (a publish that is run again replaces it), else the next number. Numbers come
   * from the table, not a sequence, so a publish rolled back by a crash uses none (publishes are
   * serialized by {@link PublishDao#lock}), and they increase over time, which the ranges of
   * publish.hcp360_list_row rest on. An earlier version is never replaced: later versions share
   * its rows.
   */
  @SqlQuery("""
      select coalesce(
        (select max(version_id) from publish.hcp360_list_version
         where brand = :brand and market = :market
         having max(version_id) = max(version_id) filter (where run_id = :runId)),
        (select coalesce(max(version_id), 0) + 1 from publish.hcp360_list_version))""")
  long version(@Bind("runId") long runId, @Bind("brand") String brand,
      @Bind("market") String market);

  /**
   * Empties a version this run is publishing again (its list's latest): deletes the rows it
   * opened and opens again the rows it closed, so that the current rows are the previous
   * version's.
   */
  default void clearListVersion(long versionId, String brand, String market) {
    deleteRowsOpenedAt(versionId, brand, market);
    reopenRowsClosedAt(versionId, brand, market);
  }

  /** By brand and market too: the indexes lead with them. */
  @SqlUpdate("""
      delete from publish.hcp360_list_row
      where brand = :brand and market = :market and from_version = :versionId""")
  void deleteRowsOpenedAt(@Bind("versionId") long versionId, @Bind("brand") String brand,
      @Bind("market") String market);

  @SqlUpdate("""
      update publish.hcp360_list_row set until_version = null
      where brand = :brand and market = :market and until_version = :versionId""")
  void reopenRowsClosedAt(@Bind("versionId") long versionId, @Bind("brand") String brand,
      @Bind("market") String market);

  @SqlUpdate("""
      insert into publish.hcp360_list_version (version_id, run_id, brand, market, members, as_of)
      values (:versionId, :runId, :brand, :market, 0, :asOf)
      on conflict (version_id) do update set members = 0, as_of = excluded.as_of,
        published_at = now()""")
  void listVersion(@Bind("versionId") long versionId, @Bind("runId") long runId,
      @Bind("brand") String brand, @Bind("market") String market,
      @Bind("asOf") OffsetDateTime asOf);

  @SqlUpdate("""
      insert into list_spec (version_id, brand, market, prefixes, targeting)
      values (:versionId, :brand, :market, :prefixes, :targeting)""")
  void listSpec(@Bind("versionId") long versionId, @Bind("brand") String brand,
      @Bind("market") String market, @Bind("prefixes") String[] prefixes,
      @Bind("targeting") String targeting);

  /** Keeps what the new versions are computed with, for the next publish to compare. */
  @SqlUpdate("""
      insert into hcp.list_version_spec (version_id, prefixes, targeting)
      select version_id, prefixes, targeting from list_spec
      on conflict (version_id) do update set prefixes = excluded.prefixes,
        targeting = excluded.targeting""")
  void saveSpecs();

  /**
   * Statistics of list_spec for the planner: without them it takes the joins of a few list
   * members for one row and scans list_engagement once per member (2.8 s instead of 30 ms for
   * 8,000 members at 100,000 records).
   */
  @SqlUpdate("analyze list_spec")
  void analyzeSpecs();

  /**
   * The lists of list_spec, how many of them have a current version that {@code run} published
   * with the same spec, and the earliest and latest as_of of those current versions.
   */
  record Current(long lists, long same, OffsetDateTime earliest, OffsetDateTime latest) {}

  @SqlQuery("""
      select count(*) as lists,
        count(*) filter (where v.run_id = :run and p.prefixes = s.prefixes
                           and p.targeting is not distinct from s.targeting) as same,
        min(v.as_of) as earliest, max(v.as_of) as latest
      from list_spec s
      left join publish.hcp360_current c on c.brand = s.brand and c.market = s.market
      left join publish.hcp360_list_version v on v.version_id = c.version_id
      left join hcp.list_version_spec p on p.version_id = c.version_id""")
  @RegisterConstructorMapper(Current.class)
  Current current(@Bind("run") long run);

  /**
   * Adds to list_changed the golden HCPs whose count of activities in the 90 days up to the
   * latest activity differs between the two as-of times: those with an activity the window
   * takes in or leaves out (as prepareLists.sql counts: occurred after as_of - 90 days).
   */
  @SqlUpdate("""
      insert into list_changed (golden_id)
      select distinct golden_id from publish.activity_log
      where occurred_at > least(:before, :now) - interval '90 days'
        and occurred_at <= greatest(:before, :now) - interval '90 days'""")
  void windowChanged(@Bind("before") OffsetDateTime before, @Bind("now") OffsetDateTime now);

  @SqlUpdate("create temporary table list_scope (golden_id text primary key) on commit drop")
  void createScope();

  /** Every published golden HCP, and every current member (one no longer published leaves). */
  @SqlUpdate("""
      insert into list_scope (golden_id)
      select golden_id from publish.hcp
      union
      select r.golden_id from publish.hcp360_list_row r
      join list_spec s on s.brand = r.brand and s.market = r.market
      where r.until_version is null""")
  int scopeAll();

  @SqlUpdate("insert into list_scope (golden_id) select distinct golden_id from list_changed")
  int scopeChanged();

  @SqlUpdate("analyze list_scope")
  void analyzeScope();

  @SqlScript
  @UseClasspathSqlLocator
  void prepareLists(@Define("inScope") String inScope);

  /** Computes the list rows of the golden HCPs in list_scope into list_member; how many. */
  @SqlUpdate
  @UseClasspathSqlLocator
  int listMembers();

  @SqlUpdate("analyze list_member")
  void analyzeMembers();

  /** Whether no list has any row yet (the first publish). */
  @SqlQuery("select not exists (select 1 from publish.hcp360_list_row)")
  boolean noRows();

  /** Fresh statistics of the list rows, after a publish that wrote every list's. */
  @SqlUpdate("analyze publish.hcp360_list_row")
  void analyzeRows();

  /** Closes the current rows of list_scope's HCPs that list_member does not hold; how many. */
  @SqlUpdate
  @UseClasspathSqlLocator
  int closeRows(@Define("inScope") String inScope);

  /** Opens the rows of list_member that are not current; how many. */
  @SqlUpdate
  @UseClasspathSqlLocator
  int openRows(@Define("currentInScope") String currentInScope);

  /**
   * The new versions' sizes: the list's previous version's, less the rows the new one closed,
   * plus those it opened (counting the current rows instead reads every member's row).
   */
  @SqlUpdate("""
      update publish.hcp360_list_version v
      set members = coalesce((select p.members from publish.hcp360_list_version p
                              where p.brand = v.brand and p.market = v.market
                                and p.version_id < v.version_id
                              order by p.version_id desc limit 1), 0)
        - (select count(*) from publish.hcp360_list_row r
           where r.brand = v.brand and r.market = v.market and r.until_version = v.version_id)
        + (select count(*) from publish.hcp360_list_row r
           where r.brand = v.brand and r.market = v.market and r.from_version = v.version_id)
      where v.version_id in (select version_id from list_spec)""")
  void listSizes();

  @SqlQuery("""
      select coalesce(sum(members), 0) from publish.hcp360_list_version
      where version_id in (select version_id from list_spec)""")
  long memberships();

  @SqlUpdate("update hcp.run set list_mode = :mode where run_id = :runId")
  void listMode(@Bind("runId") long runId, @Bind("mode") String mode);

  /** Moves every list to its new version: readers of publish.hcp360_list see it on commit. */
  @SqlUpdate("""
      insert into publish.hcp360_current (brand, market, version_id)
      select brand, market, version_id from list_spec
      on conflict (brand, market) do update set version_id = excluded.version_id""")
  void makeCurrent();
}
