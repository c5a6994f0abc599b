package io.hcp360.ingest;

import java.util.Set;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Bookkeeping of ingest: which files a run has staged, and their counts. */
interface StagingDao {

  @SqlQuery("select system || '/' || file_name || '/' || path from hcp.file_load"
      + " where run_id = :runId")
  Set<String> loadedFiles(@Bind("runId") long runId);

  @SqlUpdate("""
      insert into hcp.file_load (run_id, system, file_name, path, rows_read, rows_staged,
        rows_rejected)
      values (:runId, :c.system, :c.fileName, :c.path, :c.read, :c.staged, :c.rejected)""")
  void fileLoaded(@Bind("runId") long runId, @BindMethods("c") FileCounts counts);

  /** Staged rows of older runs are no longer needed once a run has finished. */
  @SqlUpdate("""
      with d1 as (delete from hcp.staged_party where run_id < :runId),
           d2 as (delete from hcp.staged_activity where run_id < :runId)
      delete from hcp.staged_consent where run_id < :runId""")
  void dropOlderRuns(@Bind("runId") long runId);
}
