package io.hcp360.job;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** A session-level advisory lock per job: held by the process running it, freed if it dies. */
interface JobLockDao {

  @SqlQuery("select pg_try_advisory_lock(hashtext(:name))")
  boolean tryLock(@Bind("name") String name);

  /** Frees the lock, whose connection goes back to the pool rather than closing. */
  @SqlQuery("select pg_advisory_unlock(hashtext(:name))")
  boolean unlock(@Bind("name") String name);
}
