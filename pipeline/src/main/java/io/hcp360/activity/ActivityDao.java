package io.hcp360.activity;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of the activities stage. The activities to link, remove or link again are first listed in
 * the temporary table {@code activity_diff} ({@code diff.sql}, {@code relink.sql}).
 */
interface ActivityDao {

  /** How many activities of a type are linked and how many have an unknown source record. */
  record TypeCount(String activityType, long linked, long unknown) {}

  /**
   * What an incremental step builds on: the run's golden mode, the run whose activities
   * hcp.activity holds, and the published run.
   */
  record Base(String goldenMode, Long activityRun, Long publishedRun) {

    /** Whether only what changed can be linked: see {@link ActivityStage}. */
    boolean incremental() {
      return "incremental".equals(goldenMode) && activityRun != null
          && activityRun.equals(publishedRun);
    }
  }

  @SqlQuery("""
      select (select golden_mode from hcp.run where run_id = :runId) as golden_mode,
        (select activity_run from hcp.incremental_state) as activity_run,
        (select run_id from publish.published_run) as published_run""")
  @RegisterConstructorMapper(Base.class)
  Base base(@Bind("runId") long runId);

  /** Empties the table (a full run): keys are numbered from 1 again. */
  @SqlUpdate("truncate hcp.activity restart identity")
  void clear();

  /** Forgets what an earlier attempt of this run's step listed as changed. */
  @SqlUpdate("delete from hcp.activity_change where run_id = :runId")
  void clearChanges(@Bind("runId") long runId);

  @SqlQuery("select count(*) from hcp.staged_activity")
  long staged();

  /** The key the first activity linked by this step gets: after every key the table holds. */
  @SqlQuery("select coalesce(max(activity_key), 0) + 1 from hcp.activity")
  long firstKey();

  /** Every staged activity into the temporary table activity_diff (hcp.activity is empty). */
  @SqlUpdate
  @UseClasspathSqlLocator
  void diff();

  /**
   * New, changed and gone activities since run {@code since}, whose activities hcp.activity
   * holds, into the temporary table activity_diff: only the files staged again or gone since
   * then are compared.
   */
  @SqlUpdate
  @UseClasspathSqlLocator
  void diffSince(@Bind("since") long since);

  /**
   * An activity's link (link_status, reason) from its row {@code s}, its party record {@code p}
   * (none: no party record of that system and id in this run) and golden member {@code m}.
   */
  String LINK_COLUMNS = """
      case when m.golden_id is null then 'unknown_source_record' else 'linked' end as link_status,
        case
          when p.party_id is null then 'no party record ' || s.system || '/' || s.party_source_id
            || ' in this run'
          when m.golden_id is null then 'party record ' || s.system || '/' || s.party_source_id
            || ' has no golden HCP'
        end as reason""";

  /**
   * Links again, in place, the activities kept of the source records changed or regrouped after
   * run {@code since}; returns how many of them changed (listed as changed).
   */
  default int relink(long since, long runId) {
    return relink(since, runId, LINK_COLUMNS);
  }

  @SqlUpdate
  @UseClasspathSqlLocator
  int relink(@Bind("since") long since, @Bind("runId") long runId,
      @Define("linkColumns") String linkColumns);

  /** Room to sort the run's staged activities in memory (the duplicates are found by a sort). */
  @SqlUpdate("set local work_mem = '256MB'")
  void workMemory();

  /** Statistics of the run's staged activities (COPY leaves none), for the diff's plan. */
  @SqlUpdate("analyze hcp.staged_activity")
  void analyzeStaged();

  /**
   * Whether staging holds activities of a file staged after run {@code since}: if not, the
   * statistics that run's step took of the staged activities still hold (files removed since
   * only make them count more rows than there are).
   */
  @SqlQuery("""
      select exists (select 1 from hcp.staged_file
                     where staged_run > :since and 'staged_activity' = any(tables))""")
  boolean stagedAfter(@Bind("since") long since);

  @SqlUpdate("analyze activity_diff")
  void analyzeDiff();

  /** Removes the changed, gone and relinked activities; lists their keys as changed. */
  @SqlUpdate("""
      with d as (delete from hcp.activity a using activity_diff d
                 where a.activity_key = d.activity_key returning a.activity_key)
      insert into hcp.activity_change (run_id, activity_key) select :runId, activity_key from d""")
  int remove(@Bind("runId") long runId);

  /** Links every staged activity (activity_diff holds them all); returns how many. */
  default int linkAll(long runId, long firstKey) {
    return link(runId, firstKey, "hcp.staged_activity");
  }

  /**
   * Links the activities of activity_diff, a few of the staged ones; returns how many. Their
   * staged rows are picked first, so that the join hashes those few (the planner hashed all
   * 1.7 million staged rows instead: 1.1 s against 0.5 s).
   */
  default int linkChanged(long runId, long firstKey) {
    return link(runId, firstKey, "(select x.* from hcp.staged_activity x"
        + " where (x.path, x.line) in (select path, line from activity_diff))");
  }

  private int link(long runId, long firstKey, String staged) {
    return link(runId, firstKey, staged, LINK_COLUMNS);
  }

  @SqlUpdate
  @UseClasspathSqlLocator
  int link(@Bind("runId") long runId, @Bind("firstKey") long firstKey,
      @Define("staged") String staged, @Define("linkColumns") String linkColumns);

  /** Lists the keys {@link #link} gave as changed. */
  @SqlUpdate("""
      insert into hcp.activity_change (run_id, activity_key)
      select :runId, activity_key from hcp.activity where activity_key >= :firstKey""")
  void added(@Bind("runId") long runId, @Bind("firstKey") long firstKey);

  @SqlUpdate("""
      with s as (update hcp.incremental_state set activity_run = :runId)
      update hcp.run set activity_mode = :mode where run_id = :runId""")
  void done(@Bind("runId") long runId, @Bind("mode") String mode);

  /** Per type, the activities hcp.activity holds after the step (whichever run linked them). */
  @SqlQuery("""
      select activity_type, count(*) filter (where link_status = 'linked') as linked,
        count(*) filter (where link_status = 'unknown_source_record') as unknown
      from hcp.activity group by activity_type order by activity_type""")
  @RegisterConstructorMapper(TypeCount.class)
  List<TypeCount> counts();
}
