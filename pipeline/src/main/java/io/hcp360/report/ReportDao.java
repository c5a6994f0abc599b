package io.hcp360.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL that gathers a run's figures, and the stored reports. */
interface ReportDao {

  record RunRow(String jobName, String jobFile, OffsetDateTime startedAt, boolean published) {}

  @SqlQuery("""
      select job_name, job_file, started_at, published_at is not null as published
      from hcp.run where run_id = :runId""")
  @RegisterConstructorMapper(RunRow.class)
  Optional<RunRow> run(@Bind("runId") long runId);

  @SqlQuery("""
      select system, file_name, path, rows_read as read, rows_staged as staged,
        rows_rejected as rejected
      from hcp.file_load where run_id = :runId order by loaded_at, system, file_name, path""")
  @RegisterConstructorMapper(RunReport.FileCounts.class)
  List<RunReport.FileCounts> files(@Bind("runId") long runId);

  /**
   * Per source system, staged rows and party records; golden HCPs and published records left at
   * 0 (see {@link #goldenPerSystem}; published ones: ReportGatherer).
   */
  @SqlQuery
  @UseClasspathSqlLocator
  @RegisterConstructorMapper(RunReport.SourceCounts.class)
  List<RunReport.SourceCounts> sources();

  record SystemCount(String system, long n) {}

  /** The run whose publish is current. */
  @SqlQuery("select run_id from publish.published_run")
  Optional<Long> publishedRun();

  /**
   * Golden HCPs holding a record of each system: hcp.golden_record is the latest run's, with its
   * members' systems, tallied by its triggers (V42).
   */
  @SqlQuery("select system, records as n from hcp.golden_record_tally")
  @RegisterConstructorMapper(SystemCount.class)
  List<SystemCount> goldenPerSystem();

  // hcp.party, hcp.golden_record and hcp.match_pair hold the latest run's state (an incremental
  // run keeps the rows it did not redo, with the run id that made them). hcp.party's records are
  // counted by its triggers (hcp.party_tally), not read again.
  @SqlQuery("select coalesce(sum(records), 0) from hcp.party_tally")
  long partyRecords();

  record Clusters(long clusters, long multiRecord) {}

  @SqlQuery("""
      select count(*) as clusters, count(*) filter (where n > 1) as multi_record
      from (select cluster_id, count(*) as n from hcp.cluster_member group by cluster_id) c""")
  @RegisterConstructorMapper(Clusters.class)
  Clusters clusters();

  /**
   * The clusters as the golden step leaves them: a golden record each, of its members (reading
   * the golden records instead of grouping every cluster member: 0.36 s to 0.09 s at 1M).
   */
  @SqlQuery("""
      select count(*) as clusters, count(*) filter (where member_count > 1) as multi_record
      from hcp.golden_record""")
  @RegisterConstructorMapper(Clusters.class)
  Clusters goldenClusters();

  record Activities(long linked, long unlinked) {}

  /**
   * hcp.activity holds the latest activities step's result, rows kept by it included, tallied by
   * its triggers (V42).
   */
  @SqlQuery("""
      select coalesce(sum(records) filter (where link_status = 'linked'), 0) as linked,
        coalesce(sum(records) filter (where link_status <> 'linked'), 0) as unlinked
      from hcp.activity_tally""")
  @RegisterConstructorMapper(Activities.class)
  Activities activities();

  @SqlQuery("select count(*) from hcp.channel_eligibility where run_id = :runId")
  long eligibilityRows(@Bind("runId") long runId);

  /** A reject with its kind (its reason with quoted values and numbers taken out). */
  record KindedReject(String kind, long rows, String system, String fileName, String path,
      int line, String reason, String raw) {}

  @SqlQuery
  @UseClasspathSqlLocator
  @RegisterConstructorMapper(KindedReject.class)
  List<KindedReject> rejects(@Bind("runId") long runId, @Bind("examples") int examples);

  /** The stored pairs of one score bin (floor of the score), and those a hard rule decided. */
  record PairBin(int bin, long match, long review, long pairs, long hardRuleMatches) {}

  /** The stored pairs per score bin: the histogram and, summed, the pairs' counts (one scan). */
  @SqlQuery("""
      select floor(score)::integer as bin, count(*) filter (where decision = 'match') as match,
        count(*) filter (where decision = 'review') as review, count(*) as pairs,
        count(*) filter (where reason <> 'score') as hard_rule_matches
      from hcp.match_pair group by 1 order by 1""")
  @RegisterConstructorMapper(PairBin.class)
  List<PairBin> pairBins();

  /** The records of the review band's pairs (looked up by decision, each pair once). */
  @SqlQuery("""
      select count(distinct record) from hcp.match_pair
      cross join unnest(array[left_id, right_id]) as record
      where decision = 'review'""")
  long reviewRecords();

  @SqlQuery("""
      select bin, 0 as match, 0 as review, pairs from hcp.score_histogram
      where run_id = :runId order by bin""")
  @RegisterConstructorMapper(RunReport.Bin.class)
  List<RunReport.Bin> scoredHistogram(@Bind("runId") long runId);

  record PublishChange(Long previousRun, long previousIds, long currentIds, long keptIds,
      long newIds, long retiredIds) {}

  @SqlQuery("""
      select previous_run, previous_ids, current_ids, kept_ids, new_ids, retired_ids
      from hcp.publish_change where run_id = :runId""")
  @RegisterConstructorMapper(PublishChange.class)
  Optional<PublishChange> publishChange(@Bind("runId") long runId);

  record Events(long created, long split, long merged) {}

  @SqlQuery("""
      select count(*) filter (where event = 'created') as created,
        count(*) filter (where event = 'split') as split,
        count(*) filter (where event = 'merged') as merged
      from hcp.golden_id_event where run_id = :runId""")
  @RegisterConstructorMapper(Events.class)
  Events events(@Bind("runId") long runId);

  @SqlQuery("""
      select channel, purpose, became_eligible, became_ineligible, added, removed
      from hcp.consent_change where run_id = :runId order by channel, purpose""")
  @RegisterConstructorMapper(RunReport.ConsentChange.class)
  List<RunReport.ConsentChange> consent(@Bind("runId") long runId);

  @SqlQuery
  @UseClasspathSqlLocator
  @RegisterConstructorMapper(RunReport.ListSize.class)
  List<RunReport.ListSize> lists(@Bind("runId") long runId);

  @SqlQuery
  @UseClasspathSqlLocator
  @RegisterConstructorMapper(RunReport.StepTime.class)
  List<RunReport.StepTime> steps(@Bind("runId") long runId);

  @SqlUpdate("""
      insert into hcp.run_report (run_id, status, folder, report)
      values (:runId, :status, :folder, cast(:report as jsonb))
      on conflict (run_id) do update set status = excluded.status, folder = excluded.folder,
        report = excluded.report, written_at = now()""")
  void save(@Bind("runId") long runId, @Bind("status") String status,
      @Bind("folder") String folder, @Bind("report") String report);

  record Stored(long runId, String folder, String report) {}

  @SqlQuery("""
      select run_id, folder, report::text as report from hcp.run_report
      where run_id = coalesce(:runId, (select max(run_id) from hcp.run_report))""")
  @RegisterConstructorMapper(Stored.class)
  Optional<Stored> stored(@Bind("runId") Long runId);
}
