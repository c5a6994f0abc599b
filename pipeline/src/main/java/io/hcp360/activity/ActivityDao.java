package io.hcp360.activity;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the activities stage. */
interface ActivityDao {

  /** How many activities of a type were linked and how many have an unknown source record. */
  record TypeCount(String activityType, long linked, long unknown) {}

  /**
   * Empties the table and numbers activity keys from 1 again, so that a run's keys do not depend
   * on an earlier attempt (a step run again after a crash gives the same keys).
   */
  @SqlUpdate("truncate hcp.activity restart identity")
  void clear();

  @SqlQuery("select count(*) from hcp.staged_activity where run_id = :runId")
  long staged(@Bind("runId") long runId);

  /** Inserts the run's activities, linked; returns how many (duplicates counted once). */
  @SqlUpdate
  @UseClasspathSqlLocator
  int link(@Bind("runId") long runId);

  @SqlQuery("""
      select activity_type, count(*) filter (where link_status = 'linked') as linked,
        count(*) filter (where link_status = 'unknown_source_record') as unknown
      from hcp.activity where run_id = :runId
      group by activity_type order by activity_type""")
  @RegisterConstructorMapper(TypeCount.class)
  List<TypeCount> counts(@Bind("runId") long runId);
}
