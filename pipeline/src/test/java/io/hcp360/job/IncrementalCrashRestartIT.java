package io.hcp360.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An incremental run killed (SIGKILL) in one of its steps resumes as an incremental run and
 * publishes what an uninterrupted incremental run publishes, row for row (the tables of
 * {@link CrashRestartIT}, and the incremental bookkeeping).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalCrashRestartIT {
  private static final List<String> MORE_TABLES = List.of("hcp.party_change",
      "hcp.match_change", "hcp.cluster_change", "hcp.golden_change", "hcp.dropped_pair",
      "hcp.staged_consent");

  @TempDir static Path dir;
  private Path job;
  private Map<String, List<String>> uninterrupted;
  private List<String> uninterruptedParty;

  @BeforeAll
  void twoNightsWithoutInterruption() {
    job = dir.resolve("job.yaml");
    generate("0");
    String url = TestPostgres.freshDatabaseUrl();
    run(url);
    generate("5");
    run(url);
    assertThat(Sql.string(Jdbi.create(url), "select mode from hcp.run where run_id = 2"))
        .isEqualTo("incremental");
    uninterrupted = tables(url);
    uninterruptedParty = party(url);
    generate("0");
  }

  /**
   * A run killed after ingest and then abandoned (--fresh) leaves the extracts it staged to the
   * next run, which still finds the records they changed: the party records come out as after
   * an uninterrupted night, whether the abandoned run was incremental or full (a full run's
   * ingest does not record which records changed).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRunAbandonedAfterIngestLeavesWhatItStagedToTheNext(boolean full) throws Exception {
    String url = TestPostgres.freshDatabaseUrl();
    run(url);
    generate("5");
    try {
      Process child = CrashRestartIT.startRun(job, url, "ingest:end",
          Path.of("").toAbsolutePath(), full ? new String[] {"--full"} : new String[0]);
      CrashRestartIT.awaitPause(child, "ingest:end");
      child.destroyForcibly().waitFor();

      Cli.Result fresh = Cli.run("run", "--job", job.toString(), "--db-url", url, "--fresh");

      assertThat(fresh.exitCode()).as(fresh.err()).isZero();
      assertThat(fresh.out()).contains("Run 3 of job").contains("incremental:");
      assertThat(party(url)).containsExactlyElementsOf(uninterruptedParty);
    } finally {
      generate("0");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest:end", "standardize:end", "match:end", "cluster:end",
      "golden:end", "activities:end", "publish:end"})
  void anIncrementalRunKilledInAStepResumesToTheSameResult(String point) throws Exception {
    String url = TestPostgres.freshDatabaseUrl();
    run(url);
    generate("5");
    try {
      // In the folder the in-process runs use, where the job's rule set is found.
      Process child = CrashRestartIT.startRun(job, url, point, Path.of("").toAbsolutePath());
      CrashRestartIT.awaitPause(child, point);
      child.destroyForcibly().waitFor();

      Cli.Result resumed = Cli.run("run", "--job", job.toString(), "--db-url", url);

      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(resumed.out()).contains("Run 2 of job").contains("(resumed after a failure)")
          .contains("incremental:");
      Map<String, List<String>> result = tables(url);
      uninterrupted.forEach((table, rows) -> assertThat(result.get(table))
          .as(table + " after a kill at " + point).containsExactlyElementsOf(rows));
    } finally {
      generate("0");
    }
  }

  private void generate(String changed) {
    Cli.Result r = Cli.run("generate", "--hcps", "400", "--seed", "3", "--out",
        dir.resolve("data").toString(), "--job-file", job.toString(), "--changed", changed);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  private void run(String url) {
    Cli.Result r = Cli.run("run", "--job", job.toString(), "--db-url", url);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  /** The party records with their values, standardized values and hashes. */
  private static List<String> party(String url) {
    return Sql.strings(Jdbi.create(url), "select (to_jsonb(p) - 'run_id')::text as r"
        + " from hcp.party p order by r");
  }

  private static Map<String, List<String>> tables(String url) {
    Map<String, List<String>> rows = CrashRestartIT.published(url);
    Jdbi jdbi = Jdbi.create(url);
    for (String table : MORE_TABLES) {
      rows.put(table, Sql.strings(jdbi, "select to_jsonb(t)::text as r from " + table
          + " t order by r"));
    }
    return rows;
  }
}
