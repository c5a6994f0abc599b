package io.hcp360.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.db.Database;
import io.hcp360.testing.TestPostgres;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The activities step takes the staged activities' statistics again only when a file staged
 * activities after the step it builds on: an unchanged night skips it, any activity file read
 * again (alone, or with other facets) does not.
 */
class StagedActivityStatisticsIT {

  private static void staged(Handle h, String path, long run, String... tables) {
    h.createUpdate("""
        insert into hcp.staged_file (system, file_name, path, fingerprint, tables, staged_run,
          rows_read, rows_staged, rows_rejected, bytes)
        values ('crm', :path, :path, 'f', :tables, :run, 1, 1, 0, 10)""")
        .bind("path", path).bind("tables", tables).bind("run", run).execute();
  }

  @Test
  void onlyActivitiesStagedAfterTheRunBuiltOnCount() {
    try (Database db = TestPostgres.freshDatabase()) {
      db.jdbi().useHandle(h -> {
        ActivityDao dao = h.attach(ActivityDao.class);
        assertThat(dao.stagedAfter(1)).as("nothing staged").isFalse();
        staged(h, "calls.csv", 3, "staged_activity");
        staged(h, "accounts.csv", 5, "staged_party");
        assertThat(dao.stagedAfter(3)).as("only party rows staged since run 3").isFalse();
        assertThat(dao.stagedAfter(2)).isTrue();
        staged(h, "subscribers.csv", 7, "staged_party", "staged_activity");
        assertThat(dao.stagedAfter(5)).as("a file of several facets").isTrue();
        assertThat(dao.stagedAfter(7)).isFalse();
      });
    }
  }
}
