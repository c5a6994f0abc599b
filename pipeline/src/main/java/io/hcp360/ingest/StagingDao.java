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

  /**
   * Empties the staging tables: a run that has staged nothing yet needs no earlier run's rows
   * (TRUNCATE is instant where deleting millions of rows after each run took seconds).
   */
  @SqlUpdate("truncate hcp.staged_party, hcp.staged_activity, hcp.staged_consent")
  void clearStaging();

  @SqlUpdate("""
      insert into hcp.file_load (run_id, system, file_name, path, rows_read, rows_staged,
        rows_rejected)
      values (:runId, :c.system, :c.fileName, :c.path, :c.read, :c.staged, :c.rejected)""")
  void fileLoaded(@Bind("runId") long runId, @BindMethods("c") FileCounts counts);
}
