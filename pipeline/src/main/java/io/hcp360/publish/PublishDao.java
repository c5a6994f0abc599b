package io.hcp360.publish;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlScript;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the publish stage; run in one transaction so readers see all or nothing of it. */
interface PublishDao {

  @SqlQuery("select distinct source from publish.hcp_xref order by 1")
  java.util.List<String> publishedSystems();

  /** Lets this transaction's joins and aggregations of a whole run's rows stay in memory. */
  @SqlUpdate("set local work_mem = '256MB'")
  void workMemory();

  @SqlUpdate("lock table publish.hcp_xref, publish.hcp, publish.published_run,"
      + " publish.channel_eligibility in exclusive mode")
  void lock();

  @SqlUpdate("truncate publish.hcp_xref")
  void clearXref();

  @SqlUpdate("""
      insert into publish.hcp_xref (golden_id, source, source_id, run_id)
      select m.golden_id, p.system, p.source_id, :runId
      from hcp.golden_member m join hcp.party p using (party_id)""")
  int xref(@Bind("runId") long runId);

  @SqlUpdate("truncate publish.hcp")
  void clearHcp();

  @SqlUpdate("""
      insert into publish.hcp (golden_id, first_name, middle_name, last_name, credential,
        specialty, npi, email, phone, city, postal_code, country, record_count, run_id)
      select golden_id, first_name, middle_name, last_name, credential, specialty, npi, email,
        phone, city, postal_code, country, member_count, :runId
      from hcp.golden_record""")
  int hcp(@Bind("runId") long runId);

  /** Moves the published lineage (a view over this run's golden values) to this run. */
  @SqlUpdate("""
      insert into publish.published_run (run_id) values (:runId)
      on conflict (singleton) do update set run_id = excluded.run_id""")
  void publishedRun(@Bind("runId") long runId);

  /** The run is published: its golden ID events show in publish.golden_id_history. */
  @SqlUpdate("update hcp.run set published_at = now() where run_id = :runId")
  void markPublished(@Bind("runId") long runId);

  /** The IDs this run retired by merges point to their survivors (golden_id_resolution). */
  @SqlUpdate("""
      insert into hcp.golden_id_redirect (retired_id, survivor_id, run_id)
      select golden_id, related_golden_id, run_id from hcp.golden_id_event
      where run_id = :runId and event = 'merged'
      on conflict (retired_id) do update set survivor_id = excluded.survivor_id,
        run_id = excluded.run_id""")
  int redirects(@Bind("runId") long runId);

  /** An ID published again (after a split back, say) is current: it no longer redirects. */
  @SqlUpdate("""
      delete from hcp.golden_id_redirect r
      using hcp.golden_member m where m.golden_id = r.retired_id""")
  void dropRedirectsOfCurrentIds();

  @SqlUpdate("lock table publish.activity_log, publish.unlinked_activity in exclusive mode")
  void lockActivities();

  @SqlUpdate("truncate publish.activity_log")
  void clearActivityLog();

  @SqlUpdate("""
      insert into publish.activity_log (activity_key, golden_id, activity_type, channel,
        occurred_at, logged_at, brand, product, quantity, territory, status, detail, country,
        source, source_id, activity_id, run_id)
      select activity_key, golden_id, activity_type, channel, occurred_at, logged_at, brand,
        product, quantity, territory, status, detail, country, system, party_source_id,
        activity_id, :runId
      from hcp.activity where run_id = :runId and link_status = 'linked'""")
  int activityLog(@Bind("runId") long runId);

  @SqlUpdate("truncate publish.unlinked_activity")
  void clearUnlinkedActivity();

  @SqlUpdate("""
      insert into publish.unlinked_activity (activity_key, activity_type, channel, occurred_at,
        logged_at, brand, product, quantity, territory, status, detail, country, source,
        source_id, activity_id, reason, file_name, path, line, run_id)
      select activity_key, activity_type, channel, occurred_at, logged_at, brand, product,
        quantity, territory, status, detail, country, system, party_source_id, activity_id,
        reason, file_name, path, line, :runId
      from hcp.activity where run_id = :runId and link_status = 'unknown_source_record'""")
  int unlinkedActivity(@Bind("runId") long runId);

  @SqlScript
  @UseClasspathSqlLocator
  void prepareLists();

  @SqlQuery("select max(occurred_at) from publish.activity_log")
  java.util.Optional<java.time.OffsetDateTime> asOf();

  /**
   * The version a list gets in this run: the one this run gave it before (a publish that is run
   * again after a crash replaces it), else the next number. Numbers come from the table, not a
   * sequence, so a publish rolled back by a crash uses none (publishes are serialized by
   * {@link #lock}).
   */
  @SqlQuery("""
      select coalesce(
        (select version_id from publish.hcp360_list_version
         where run_id = :runId and brand = :brand and market = :market),
        (select coalesce(max(version_id), 0) + 1 from publish.hcp360_list_version))""")
  long version(@Bind("runId") long runId, @Bind("brand") String brand,
      @Bind("market") String market);

  /** Empties a version this run is publishing again. */
  @SqlUpdate("delete from publish.hcp360_list_member where version_id = :versionId")
  void clearListVersion(@Bind("versionId") long versionId);

  @SqlUpdate("""
      insert into publish.hcp360_list_version (version_id, run_id, brand, market, members, as_of)
      values (:versionId, :runId, :brand, :market, 0, :asOf)
      on conflict (version_id) do update set members = 0, as_of = excluded.as_of,
        published_at = now()""")
  void listVersion(@Bind("versionId") long versionId, @Bind("runId") long runId,
      @Bind("brand") String brand, @Bind("market") String market,
      @Bind("asOf") java.time.OffsetDateTime asOf);

  @SqlUpdate("""
      insert into list_spec (version_id, brand, market, prefixes, targeting)
      values (:versionId, :brand, :market, :prefixes, :targeting)""")
  void listSpec(@Bind("versionId") long versionId, @Bind("brand") String brand,
      @Bind("market") String market, @Bind("prefixes") String[] prefixes,
      @Bind("targeting") String targeting);

  @SqlUpdate
  @UseClasspathSqlLocator
  int listMembers();

  @SqlUpdate("""
      update publish.hcp360_list_version v set members = c.n
      from (select version_id, count(*) as n from publish.hcp360_list_member
            where version_id in (select version_id from list_spec) group by version_id) c
      where v.version_id = c.version_id""")
  void listSizes();

  /** Moves every list to its new version: readers of publish.hcp360_list see it on commit. */
  @SqlUpdate("""
      insert into publish.hcp360_current (brand, market, version_id)
      select brand, market, version_id from list_spec
      on conflict (brand, market) do update set version_id = excluded.version_id""")
  void makeCurrent();

  @SqlUpdate("truncate publish.channel_eligibility")
  void clearChannelEligibility();

  @SqlUpdate("""
      insert into publish.channel_eligibility (golden_id, channel, purpose, eligible, reason,
        evidence, market, run_id)
      select golden_id, channel, purpose, eligible, reason, evidence, market, :runId
      from hcp.channel_eligibility""")
  int channelEligibility(@Bind("runId") long runId);
}
