package io.hcp360.ingest;

import io.hcp360.config.Facet;
import io.hcp360.db.BinaryCopyReader;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Bookkeeping of ingest: which files a run has staged, and their counts; and what the staging
 * tables hold of each file ({@code hcp.staged_file}: the extracts as they are now, one copy of
 * each file).
 */
interface StagingDao extends SqlObject {

  /**
   * What the staging tables hold of one file, the run that read it, and the file's size then
   * (null if staged before V40).
   */
  record StagedFile(String system, String fileName, String path, String fingerprint,
      String[] tables, long stagedRun, long read, long staged, long rejected, Long bytes) {

    FileCounts counts() {
      return new FileCounts(system, fileName, path, read, staged, rejected);
    }

    String key() {
      return StagingDao.key(system, fileName, path);
    }
  }

  /** A file's key in the sets below: "system/file_name/path". */
  static String key(String system, String fileName, String path) {
    return system + "/" + fileName + "/" + path;
  }

  @SqlQuery("select system || '/' || file_name || '/' || path from hcp.file_load"
      + " where run_id = :runId")
  Set<String> loadedFiles(@Bind("runId") long runId);

  /**
   * Empties the staging tables, for a full run (TRUNCATE is instant where deleting millions of
   * rows took seconds).
   */
  @SqlUpdate("truncate hcp.staged_party, hcp.staged_activity, hcp.staged_consent,"
      + " hcp.staged_file, hcp.staged_change")
  void clearStaging();

  @SqlQuery("""
      select system, file_name, path, fingerprint, tables, staged_run, rows_read as read,
        rows_staged as staged, rows_rejected as rejected, bytes
      from hcp.staged_file""")
  @RegisterConstructorMapper(StagedFile.class)
  List<StagedFile> stagedFiles();

  @SqlQuery("""
      select system, file_name, path, fingerprint, tables, staged_run, rows_read as read,
        rows_staged as staged, rows_rejected as rejected, bytes
      from hcp.staged_file
      where system = :system and file_name = :fileName and path = :path""")
  @RegisterConstructorMapper(StagedFile.class)
  Optional<StagedFile> stagedFile(@Bind("system") String system,
      @Bind("fileName") String fileName, @Bind("path") String path);

  /**
   * Removes what the staging tables hold of a file (before it is read again, or when gone):
   * its rows in the staging tables it was staged into, and its hcp.staged_file row. Returns
   * those tables.
   */
  default List<String> forgetFile(StagedFile file) {
    return forgetFile(file, Set.of());
  }

  /** {@link #forgetFile(StagedFile)}, leaving some tables' rows to the caller. */
  default List<String> forgetFile(StagedFile file, Set<String> leftToCaller) {
    List<String> tables = file.tables() != null ? List.of(file.tables())
        : Arrays.stream(Facet.values()).map(Facet::table).toList();
    for (String table : tables) {
      if (!leftToCaller.contains(table)) {
        forgetRows(table, file.system(), file.fileName(), file.path());
      }
    }
    forgetStagedFile(file.system(), file.fileName(), file.path());
    return tables;
  }

  @SqlUpdate("delete from hcp.<table> where system = :system and file_name = :fileName"
      + " and path = :path")
  void forgetRows(@Define("table") String table, @Bind("system") String system,
      @Bind("fileName") String fileName, @Bind("path") String path);

  @SqlUpdate("delete from hcp.staged_file"
      + " where system = :system and file_name = :fileName and path = :path")
  void forgetStagedFile(@Bind("system") String system, @Bind("fileName") String fileName,
      @Bind("path") String path);

  @SqlUpdate("""
      insert into hcp.staged_file (system, file_name, path, fingerprint, tables, staged_run,
        rows_read, rows_staged, rows_rejected, bytes)
      values (:c.system, :c.fileName, :c.path, :fingerprint, :tables, :runId, :c.read,
        :c.staged, :c.rejected, :bytes)""")
  void fileStaged(@Bind("runId") long runId, @BindMethods("c") FileCounts counts,
      @Bind("fingerprint") String fingerprint, @Bind("tables") String[] tables,
      @Bind("bytes") long bytes);

  @SqlUpdate("""
      insert into hcp.file_load (run_id, system, file_name, path, rows_read, rows_staged,
        rows_rejected, staged_run, fingerprint, tables)
      values (:runId, :c.system, :c.fileName, :c.path, :c.read, :c.staged, :c.rejected,
        :stagedRun, :fingerprint, :tables)""")
  void fileLoaded(@Bind("runId") long runId, @BindMethods("c") FileCounts counts,
      @Bind("stagedRun") long stagedRun, @Bind("fingerprint") String fingerprint,
      @Bind("tables") String[] tables);

  /** The where clause of a staging table's rows of one file, for a query sent as text (COPY). */
  private static String ofFile(String system, String fileName, String path) throws SQLException {
    return " where system = " + BinaryCopyReader.literal(system)
        + " and file_name = " + BinaryCopyReader.literal(fileName)
        + " and path = " + BinaryCopyReader.literal(path);
  }

  /**
   * Tells {@code diff} a file's staged party rows (before it is read again), as the server
   * streams them: a file holds hundreds of thousands. A binary COPY sends them as numbers and
   * uuids: the accounts' 390,000 took 1.2 s with a cursor (a round trip per 10,000 rows, every
   * value sent as text), 0.6-0.9 s so, beside two other files being staged.
   */
  default void partyRows(String system, String fileName, String path, PartyRowDiff diff)
      throws SQLException, IOException {
    String query = "select ctid, line, source_id, row_hash, line_hash from hcp.staged_party"
        + ofFile(system, fileName, path);
    try (BinaryCopyReader rows = BinaryCopyReader.open(getHandle(), query, 5)) {
      while (rows.next()) {
        diff.before(rows.tid(), rows.int4(), rows.text(), Hash128.of(rows.uuid()),
            Hash128.of(rows.uuid()));
      }
    }
  }

  /** Whether every consent fact staged from a file carries its line's hash (V38). */
  @SqlQuery("""
      select not exists (
        select 1 from hcp.staged_consent
        where system = :system and file_name = :fileName and path = :path
          and line_hash is null)""")
  boolean consentLinesHashed(@Bind("system") String system, @Bind("fileName") String fileName,
      @Bind("path") String path);

  /**
   * Keeps the consent facts staged from a file's earlier copy that its known lines (kept
   * unparsed, with their hashes, in line order) stage now, and deletes the others of that copy.
   * Lines with the same text stage the same facts ({@link KnownLinePairs}); a kept fact takes its
   * line now (and this run) when it is another. Facts staged by this run (of the lines parsed)
   * are left.
   */
  default void keepKnownConsent(long runId, String system, String fileName, String path,
      List<PartyRowDiff.Line> known) throws SQLException, IOException {
    KnownLinePairs pairs = new KnownLinePairs(known);
    String query = "select line, line_hash from hcp.staged_consent"
        + ofFile(system, fileName, path) + " and run_id < " + runId;
    try (BinaryCopyReader rows = BinaryCopyReader.open(getHandle(), query, 2)) {
      while (rows.next()) {
        pairs.earlier(rows.int4(), Hash128.of(rows.uuid()));
      }
    }
    KnownLinePairs.Result result = pairs.result();
    if (result.gone().length > 0) {
      deleteConsentLines(runId, system, fileName, path, result.gone());
    }
    if (result.from().length > 0) {
      moveConsentLines(runId, system, fileName, path, result.from(), result.to());
    }
  }

  @SqlUpdate("""
      delete from hcp.staged_consent
      where system = :system and file_name = :fileName and path = :path
        and run_id < :runId and line = any(:lines)""")
  void deleteConsentLines(@Bind("runId") long runId, @Bind("system") String system,
      @Bind("fileName") String fileName, @Bind("path") String path, @Bind("lines") int[] lines);

  @SqlUpdate("""
      update hcp.staged_consent c set line = m.line_now, run_id = :runId
      from unnest(:from, :to) as m (line_before, line_now)
      where c.system = :system and c.file_name = :fileName and c.path = :path
        and c.run_id < :runId and c.line = m.line_before""")
  void moveConsentLines(@Bind("runId") long runId, @Bind("system") String system,
      @Bind("fileName") String fileName, @Bind("path") String path, @Bind("from") int[] from,
      @Bind("to") int[] to);

  /** Deletes staged party rows by ctid (read in this transaction). */
  @SqlUpdate("delete from hcp.staged_party where ctid = any(cast(:ctids as tid[]))")
  int deletePartyRows(@Bind("ctids") String[] ctids);

  /**
   * Gives staged party rows (by ctid, read in this transaction) the line this run read them
   * from, and its hash.
   */
  @SqlUpdate("""
      update hcp.staged_party s set line = m.line, line_hash = m.line_hash, run_id = :runId
      from unnest(cast(:ctids as tid[]), :lines, cast(:lineHashes as uuid[]))
        as m (ctid, line, line_hash)
      where s.ctid = m.ctid""")
  int movePartyRows(@Bind("runId") long runId, @Bind("ctids") String[] ctids,
      @Bind("lines") Integer[] lines, @Bind("lineHashes") String[] lineHashes);

  /** Records that every party record a file staged is changed by the run (the file is gone). */
  @SqlUpdate("""
      insert into hcp.staged_change (run_id, system, source_id)
      select distinct :runId, system, source_id from hcp.staged_party
      where system = :system and file_name = :fileName and path = :path""")
  void allChanged(@Bind("runId") long runId, @Bind("system") String system,
      @Bind("fileName") String fileName, @Bind("path") String path);

  /** Copies the rejects of a file kept from an earlier run to this run (they are its too). */
  @SqlUpdate("""
      insert into hcp.reject (run_id, system, file_name, path, line, reason, raw)
      select :runId, system, file_name, path, line, reason, raw from hcp.reject
      where run_id = :stagedRun and system = :system and file_name = :fileName and path = :path""")
  void copyRejects(@Bind("runId") long runId, @Bind("stagedRun") long stagedRun,
      @Bind("system") String system, @Bind("fileName") String fileName,
      @Bind("path") String path);
}
