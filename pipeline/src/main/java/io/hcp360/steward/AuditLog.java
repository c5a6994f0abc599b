package io.hcp360.steward;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The audit trail ({@code hcp.audit_log}, append-only: the database refuses UPDATE, DELETE and
 * TRUNCATE): every steward action and every run, with who, when, what, before and after.
 */
public final class AuditLog {
  private AuditLog() {}

  /** Appends one entry in the handle's transaction; {@code before} and {@code after} are JSON. */
  public static void append(Handle handle, String actor, String action, String target,
      String market, String before, String after, String comment) {
    handle.attach(Dao.class).append(actor, action, target, market, before, after, comment);
  }

  /** The start of a run (from the job's run listener). */
  public static void runStarted(Jdbi jdbi, long runId, String job, String jobFile) {
    jdbi.useHandle(h -> append(h, actor(), "run_started", "run " + runId, null, null,
        new JsonText().put("job", job).put("job_file", jobFile).toString(), null));
  }

  /** The end of a run, with its status (COMPLETED, FAILED, ...). */
  public static void runFinished(Jdbi jdbi, long runId, String job, String status) {
    jdbi.useHandle(h -> append(h, actor(), "run_finished", "run " + runId, null, null,
        new JsonText().put("job", job).put("status", status).toString(), null));
  }

  static List<AuditEntry> read(Handle handle, AuditQuery query) {
    return handle.attach(Dao.class).read(query.actor(), query.action(), query.target(),
        query.limit());
  }

  /** Who runs this process: the operating-system user. */
  static String actor() {
    return System.getProperty("user.name", "hcp360");
  }

  interface Dao {
    @SqlUpdate("""
        insert into hcp.audit_log (actor, action, target, market, before, after, comment)
        values (:actor, :action, :target, :market, :before::jsonb, :after::jsonb, :comment)""")
    void append(@Bind("actor") String actor, @Bind("action") String action,
        @Bind("target") String target, @Bind("market") String market,
        @Bind("before") String before, @Bind("after") String after,
        @Bind("comment") String comment);

    @SqlQuery("""
        select audit_id, at, actor, action, target, market, before::text, after::text, comment
        from hcp.audit_log
        where (cast(:actor as text) is null or actor = :actor)
          and (cast(:action as text) is null or action = :action)
          and (cast(:target as text) is null or strpos(target, :target) > 0
               or strpos(coalesce(before::text, '') || coalesce(after::text, ''), :target) > 0)
        order by audit_id desc limit :limit""")
    @RegisterRowMapper(EntryMapper.class)
    List<AuditEntry> read(@Bind("actor") String actor, @Bind("action") String action,
        @Bind("target") String target, @Bind("limit") int limit);
  }

  public static final class EntryMapper implements RowMapper<AuditEntry> {
    @Override
    public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new AuditEntry(rs.getLong("audit_id"), rs.getTimestamp("at").toInstant(),
          rs.getString("actor"), rs.getString("action"), rs.getString("target"),
          rs.getString("market"), rs.getString("before"), rs.getString("after"),
          rs.getString("comment"));
    }
  }
}
