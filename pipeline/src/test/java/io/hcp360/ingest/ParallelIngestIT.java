package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hcp360.config.JobConfig;
import io.hcp360.config.JobConfigLoader;
import io.hcp360.db.Database;
import io.hcp360.match.rules.RuleSetLoader;
import io.hcp360.run.RunContext;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files staged several at once give the staging tables exactly as one at a time does, and a file
 * that fails leaves the files staged beside it for the restart.
 */
class ParallelIngestIT {
  private static final List<String> STAGING = List.of(
      "select s::text from hcp.staged_party s order by path, line",
      "select s::text from hcp.staged_activity s order by path, line",
      "select s::text from hcp.staged_consent s order by path, line",
      "select r::text from hcp.reject r order by path, line",
      "select system, file_name, path, rows_read, rows_staged, rows_rejected from hcp.file_load"
          + " order by path");

  @TempDir Path dir;

  @Test
  void severalFilesAtOnceStageWhatOneAtATimeStages() {
    String url = TestPostgres.freshDatabaseUrl();
    Jdbi jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin());
    RunContext run = samplesRun(url, jdbi);

    clearStaging(jdbi, run.runId());
    new IngestStage(1).run(run);
    List<List<String>> oneAtATime = staging(jdbi);
    assertThat(oneAtATime.get(0)).hasSizeGreaterThan(500);
    assertThat(oneAtATime.get(3)).isNotEmpty(); // the samples carry bad rows

    clearStaging(jdbi, run.runId());
    new IngestStage(3).run(run);
    assertThat(staging(jdbi)).isEqualTo(oneAtATime);
  }

  @Test
  void aFileThatFailsLeavesTheOthersStagedAndTheRestartStagesOnlyIt() throws IOException {
    Path job = Fixtures.copy("basic", dir).resolve("job.yaml");
    try (Database database = TestPostgres.freshDatabase()) {
      stageTheBrokenFileThenTheFixedOne(database.jdbi(), job);
    }
  }

  private void stageTheBrokenFileThenTheFixedOne(Jdbi jdbi, Path job) throws IOException {
    RunContext run = basicRun(jdbi, job);
    // The file changes after the job was validated: its mapping no longer finds its column.
    Path accounts = dir.resolve("crm_accounts.csv");
    String good = Files.readString(accounts, StandardCharsets.UTF_8);
    Files.writeString(accounts, good.replaceFirst("^Id,", "Ident,"), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new IngestStage(2).run(run)).hasMessageContaining("Id");
    List<String> stagedBeforeTheFailure = Sql.strings(jdbi, "select path from hcp.file_load");
    assertThat(stagedBeforeTheFailure).doesNotContain("crm_accounts.csv");
    assertThat(Sql.count(jdbi, "select count(*) from hcp.staged_party"
        + " where path = 'crm_accounts.csv'")).isZero();

    Files.writeString(accounts, good, StandardCharsets.UTF_8);
    new IngestStage(2).run(run);
    assertThat(Sql.strings(jdbi, "select path from hcp.file_load order by path"))
        .containsExactly("crm_accounts.csv", "crm_calls_202503.csv", "crm_calls_202504.csv",
            "mdm_master.txt");
    // The files staged before the failure were not staged again.
    assertThat(Sql.count(jdbi, """
        select count(*) from (select 1 from (select path, line from hcp.staged_party
          union all select path, line from hcp.staged_activity) s
        group by path, line having count(*) > 1) twice""")).isZero();
    assertThat(Sql.count(jdbi, "select count(*) from hcp.staged_party")).isEqualTo(7);
  }

  /** The samples through the nightly job, then the run's context to stage them again. */
  private static RunContext samplesRun(String url, Jdbi jdbi) {
    JobConfig job = JobConfigLoader.load(Fixtures.repositoryRoot().resolve("jobs/nightly.yaml"));
    Cli.Result result = Cli.run("run", "--job", job.file().toString(), "--db-url", url);
    assertThat(result.exitCode()).as(result.err()).isZero();
    long runId = Sql.count(jdbi, "select max(run_id) from hcp.run");
    return new RunContext(runId, job, RuleSetLoader.load(job.rules()), jdbi);
  }

  /** A run of the basic job that has staged nothing yet. */
  private static RunContext basicRun(Jdbi jdbi, Path jobFile) {
    JobConfig job = JobConfigLoader.load(jobFile);
    jdbi.useHandle(h -> h.execute("insert into hcp.run (run_id, job_name, job_file, status)"
        + " values (1, 'basic', ?, 'STARTED')", jobFile.toString()));
    return new RunContext(1, job, RuleSetLoader.load(job.rules()), jdbi);
  }

  private static void clearStaging(Jdbi jdbi, long runId) {
    jdbi.useHandle(h -> {
      for (String table : List.of("staged_party", "staged_activity", "staged_consent", "reject",
          "file_load")) {
        h.execute("delete from hcp." + table + " where run_id = ?", runId);
      }
    });
  }

  private static List<List<String>> staging(Jdbi jdbi) {
    List<List<String>> tables = new ArrayList<>();
    for (String select : STAGING) {
      tables.add(jdbi.withHandle(h -> h.createQuery(select).mapToMap().list()).stream()
          .map(Object::toString).toList());
    }
    return tables;
  }
}
