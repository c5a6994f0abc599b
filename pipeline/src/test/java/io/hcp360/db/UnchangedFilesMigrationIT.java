package io.hcp360.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V30 takes over a database whose staging tables hold the last run's rows: its files become the
 * staged files (without a fingerprint, so the next run reads them again), every run's files
 * name the run itself as the one that staged them, and the next run is full (party row hashes
 * are now taken at ingest and do not compare with the old ones).
 */
class UnchangedFilesMigrationIT {

  @Test
  void theLastRunsFilesBecomeTheStagedFilesAndTheNextRunIsFull() {
    String url = TestPostgres.freshDatabaseUrl();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    Flyway flyway29 = Flyway.configure().dataSource(dataSource)
        .locations("classpath:db/migration").schemas("hcp").createSchemas(true).target("29")
        .load();
    flyway29.migrate();
    Jdbi jdbi = Jdbi.create(url);
    jdbi.useHandle(h -> {
      h.execute("insert into hcp.run (run_id, job_name, job_file) values (1, 'j', 'j.yaml'),"
          + " (2, 'j', 'j.yaml')");
      h.execute("""
          insert into hcp.file_load (run_id, system, file_name, path, rows_read, rows_staged,
            rows_rejected)
          values (1, 'crm', 'accounts', 'a.csv', 3, 3, 0), (1, 'crm', 'calls', 'c.csv', 2, 1, 1),
                 (2, 'crm', 'accounts', 'a.csv', 4, 3, 1),
                 (2, 'crm', 'calls', 'c.csv', 2, 2, 0)""");
      h.execute("""
          insert into hcp.incremental_state (model, standardized_run, clustered_run)
          values ('hcp v1 abc', 2, 2)""");
    });

    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .schemas("hcp").load().migrate();

    assertThat(Sql.strings(jdbi, """
        select system || ' ' || file_name || ' ' || path || ' ' || staged_run || ' '
          || rows_read || ' ' || coalesce(fingerprint, '-') || ' ' || coalesce(tables::text, '-')
        from hcp.staged_file order by 1""")).containsExactly(
            "crm accounts a.csv 2 4 - -", "crm calls c.csv 2 2 - -");
    assertThat(Sql.count(jdbi, "select count(*) from hcp.file_load where staged_run <> run_id"))
        .isZero();
    assertThat(Sql.count(jdbi, "select count(*) from hcp.incremental_state")).isZero();
  }
}
