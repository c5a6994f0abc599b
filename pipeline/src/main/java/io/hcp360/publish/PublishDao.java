package io.hcp360.publish;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
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

  /** How the run's golden and activities steps ran: 'full' or 'incremental'. */
  record Modes(String goldenMode, String activityMode) {}

  @SqlQuery("select golden_mode, activity_mode from hcp.run where run_id = :runId")
  @RegisterConstructorMapper(Modes.class)
  Modes modes(@Bind("runId") long runId);

  @SqlUpdate("truncate publish.hcp_xref")
  void clearXref();

  /**
   * The source records whose cross-reference an incremental golden step changed, into the
   * temporary table publish_region: those whose golden ID it changed (hcp.golden_member_change:
   * regrouped into another golden HCP, added or deleted). It started from the published run's
   * golden members, which the published cross-references hold: every other record's is as
   * published. Listing the regrouped records and the members of the golden IDs built again
   * instead (27,000 and 23,000 records against 7,900 changes on the benchmark's night at
   * 1,000,000 records) took 0.7-1.0 s to look up, and the cross-references compared after.
   */
  @SqlUpdate("""
      create temporary table publish_region on commit drop as
      select k.system, k.source_id from hcp.party_key k
      join hcp.golden_member_change c using (party_id) where c.run_id = :runId""")
  int createRegion(@Bind("runId") long runId);

  @SqlUpdate("analyze publish_region")
  void analyzeRegion();

  /**
   * The cross-references of publish_region as the golden step leaves them, into the temporary
   * table xref_now (a deleted record has none: it is no golden member). Records' keys are read
   * from hcp.party_key, a seventh of hcp.party's size.
   */
  @SqlUpdate("""
      create temporary table xref_now on commit drop as
      select m.golden_id, k.system, k.source_id
      from publish_region r
      join hcp.party_key k on k.system = r.system and k.source_id = r.source_id
      join hcp.golden_member m using (party_id)""")
  int createXrefNow();

  /** A record has one cross-reference: its key, to look it up by. */
  @SqlUpdate("alter table xref_now add primary key (system, source_id)")
  void keyXrefNow();

  /** Removes the cross-references of publish_region that xref_now does not hold as they are. */
  @SqlUpdate("""
      delete from publish.hcp_xref x using publish_region r
      where x.source = r.system and x.source_id = r.source_id
        and not exists (select 1 from xref_now n where n.system = x.source
                          and n.source_id = x.source_id and n.golden_id = x.golden_id)""")
  int removeChangedXref();

  /**
   * Adds the cross-references of xref_now that are not published (after
   * {@link #removeChangedXref}: new, or to another golden ID); how many.
   */
  @SqlUpdate("""
      insert into publish.hcp_xref (golden_id, source, source_id, run_id)
      select n.golden_id, n.system, n.source_id, :runId from xref_now n
      where not exists (select 1 from publish.hcp_xref x
                        where x.source = n.system and x.source_id = n.source_id)""")
  int addChangedXref(@Bind("runId") long runId);

  @SqlUpdate("""
      insert into publish.hcp_xref (golden_id, source, source_id, run_id)
      select m.golden_id, p.system, p.source_id, :runId
      from hcp.golden_member m join hcp.party p using (party_id)""")
  int xref(@Bind("runId") long runId);

  @SqlUpdate("truncate publish.hcp")
  void clearHcp();

  /** Removes the golden HCPs an incremental golden step built again (or retired). */
  @SqlUpdate("""
      delete from publish.hcp
      where golden_id in (select golden_id from hcp.golden_change where run_id = :runId)""")
  int removeChangedHcp(@Bind("runId") long runId);

  /**
   * The golden HCPs as the golden records hold them, each with the run that built it (whose
   * partition of hcp.golden_value publish.hcp_lineage reads its values from).
   */
  String INSERT_HCP = """
      insert into publish.hcp (golden_id, first_name, middle_name, last_name, credential,
        specialty, npi, email, phone, city, postal_code, country, record_count, run_id)
      select golden_id, first_name, middle_name, last_name, credential, specialty, npi, email,
        phone, city, postal_code, country, member_count, run_id
      from hcp.golden_record""";

  @SqlUpdate(INSERT_HCP + """

      where golden_id in (select golden_id from hcp.golden_change where run_id = :runId)""")
  int changedHcp(@Bind("runId") long runId);

  @SqlUpdate(INSERT_HCP)
  int hcp();

  @SqlQuery("select run_id from publish.published_run")
  java.util.Optional<Long> publishedRunId();

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

  /** The linked activities, as analysts read them. */
  String INSERT_ACTIVITY_LOG = """
      insert into publish.activity_log (activity_key, golden_id, activity_type, channel,
        occurred_at, logged_at, brand, product, quantity, territory, status, detail, country,
        source, source_id, activity_id, run_id)
      select activity_key, golden_id, activity_type, channel, occurred_at, logged_at, brand,
        product, quantity, territory, status, detail, country, system, party_source_id,
        activity_id, :runId
      from hcp.activity where link_status = 'linked'""";

  /** The activities whose source record is unknown, with the reason. */
  String INSERT_UNLINKED_ACTIVITY = """
      insert into publish.unlinked_activity (activity_key, activity_type, channel, occurred_at,
        logged_at, brand, product, quantity, territory, status, detail, country, source,
        source_id, activity_id, reason, file_name, path, line, run_id)
      select activity_key, activity_type, channel, occurred_at, logged_at, brand, product,
        quantity, territory, status, detail, country, system, party_source_id, activity_id,
        reason, file_name, path, line, :runId
      from hcp.activity where link_status = 'unknown_source_record'""";

  /** Of an activity query, only the activities the activities step removed, added, relinked. */
  String CHANGED_ACTIVITIES = """

        and activity_key in (select activity_key from hcp.activity_change
                             where run_id = :runId)""";

  @SqlUpdate(INSERT_ACTIVITY_LOG)
  int activityLog(@Bind("runId") long runId);

  /** Removes the published activities whose keys the activities step changed. */
  @SqlUpdate("""
      with u as (delete from publish.unlinked_activity
                 where activity_key in (select activity_key from hcp.activity_change
                                        where run_id = :runId))
      delete from publish.activity_log
      where activity_key in (select activity_key from hcp.activity_change where run_id = :runId)""")
  void removeChangedActivities(@Bind("runId") long runId);

  @SqlUpdate(INSERT_ACTIVITY_LOG + CHANGED_ACTIVITIES)
  int changedActivityLog(@Bind("runId") long runId);


  @SqlUpdate("truncate publish.unlinked_activity")
  void clearUnlinkedActivity();

  @SqlUpdate(INSERT_UNLINKED_ACTIVITY)
  int unlinkedActivity(@Bind("runId") long runId);

  @SqlUpdate(INSERT_UNLINKED_ACTIVITY + CHANGED_ACTIVITIES)
  int changedUnlinkedActivity(@Bind("runId") long runId);


  @SqlUpdate("truncate publish.channel_eligibility")
  void clearChannelEligibility();

  /**
   * The channel eligibility rows (golden ID, channel, purpose) that differ between the consent
   * step's result and the current publish (new, gone or with other values), into the temporary
   * table eligibility_change, with whether the eligible flag itself changed. Read before the
   * published tables change.
   */
  @SqlUpdate("""
      create temporary table eligibility_change on commit drop as
      select golden_id, channel, purpose, n.eligible is distinct from o.eligible as flag_changed
      from hcp.channel_eligibility n
      full join publish.channel_eligibility o using (golden_id, channel, purpose)
      where (n.eligible, n.reason, n.evidence, n.market)
        is distinct from (o.eligible, o.reason, o.evidence, o.market)""")
  void eligibilityChanges();

  @SqlUpdate("analyze eligibility_change")
  void analyzeEligibilityChanges();

  @SqlUpdate("""
      delete from publish.channel_eligibility e using eligibility_change c
      where e.golden_id = c.golden_id and e.channel = c.channel and e.purpose = c.purpose""")
  void removeChangedEligibility();

  @SqlUpdate("""
      insert into publish.channel_eligibility (golden_id, channel, purpose, eligible, reason,
        evidence, market, run_id)
      select golden_id, channel, purpose, eligible, reason, evidence, market, :runId
      from hcp.channel_eligibility join eligibility_change using (golden_id, channel, purpose)""")
  int changedEligibility(@Bind("runId") long runId);

  @SqlUpdate("""
      insert into publish.channel_eligibility (golden_id, channel, purpose, eligible, reason,
        evidence, market, run_id)
      select golden_id, channel, purpose, eligible, reason, evidence, market, :runId
      from hcp.channel_eligibility""")
  int channelEligibility(@Bind("runId") long runId);
}
