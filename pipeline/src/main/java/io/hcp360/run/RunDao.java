package io.hcp360.run;

import io.hcp360.ingest.FileCounts;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The run table (one row per run; a restarted run keeps its row) and a run's figures. */
public interface RunDao {

  @SqlUpdate("""
      insert into hcp.run (run_id, job_name, job_file, mode)
      values (:runId, :jobName, :jobFile, :mode)
      on conflict (run_id) do update set status = 'STARTED', finished_at = null""")
  void started(@Bind("runId") long runId, @Bind("jobName") String jobName,
      @Bind("jobFile") String jobFile, @Bind("mode") String mode);

  /** Whether the run was started before (a restart keeps the mode it started in). */
  @SqlQuery("select exists (select 1 from hcp.run where run_id = :runId)")
  boolean exists(@Bind("runId") long runId);

  @SqlUpdate("update hcp.run set status = :status, finished_at = now() where run_id = :runId")
  void finished(@Bind("runId") long runId, @Bind("status") String status);

  @SqlQuery("""
      select system, file_name, path, rows_read as read, rows_staged as staged,
        rows_rejected as rejected
      from hcp.file_load where run_id = :runId order by loaded_at, system, file_name, path""")
  @RegisterConstructorMapper(FileCounts.class)
  List<FileCounts> fileCounts(@Bind("runId") long runId);

  /** How many of the run's files were unchanged since an earlier run read them: not read. */
  @SqlQuery("select count(*) from hcp.file_load where run_id = :runId and staged_run <> run_id")
  int filesKept(@Bind("runId") long runId);

  /**
   * How the run ran: "full", or "incremental" with what changed (party records added, changed
   * and deleted; records whose cluster was decided again).
   */
  @SqlQuery("""
      select case when r.mode = 'full' then 'full' else format(
        'incremental: %s party records added, %s changed, %s deleted; %s regrouped',
        to_char(count(*) filter (where c.change = 'added'), 'FM999,999,999,990'),
        to_char(count(*) filter (where c.change = 'changed'), 'FM999,999,999,990'),
        to_char(count(*) filter (where c.change = 'deleted'), 'FM999,999,999,990'),
        to_char((select count(*) from hcp.cluster_change g where g.run_id = r.run_id),
                'FM999,999,999,990')) end
      from hcp.run r left join hcp.party_change c on c.run_id = r.run_id
      where r.run_id = :runId group by r.run_id, r.mode""")
  String mode(@Bind("runId") long runId);

  /** The party records after the run (hcp.party holds the latest run's). */
  @SqlQuery("select count(*) from hcp.party")
  long partyRecords();

  /** The golden records after the run (hcp.golden_record holds the latest run's). */
  @SqlQuery("select count(*) from hcp.golden_record")
  long goldenRecords();

  @SqlQuery("select max(run_id) from hcp.run")
  java.util.Optional<Long> lastRunId();

  @SqlQuery("""
      select system, file_name, path, line, reason, raw from hcp.reject
      where run_id = :runId order by system, file_name, path, line limit :limit""")
  @RegisterConstructorMapper(Reject.class)
  List<Reject> rejects(@Bind("runId") long runId, @Bind("limit") int limit);

}
