package io.hcp360.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.config.JobConfig;
import io.hcp360.config.JobConfigLoader;
import io.hcp360.match.rules.RuleSetLoader;
import io.hcp360.run.RunContext;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Standardizing on several threads gives hcp.party exactly as one thread does: the same rows,
 * values and party_ids, whatever the chunk size and thread count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelStandardizeIT {
  private static final String PARTY = "select p::text from hcp.party p order by party_id";

  private Jdbi jdbi;
  private RunContext run;

  @BeforeAll
  void runTheNightlyJobOnTheSamples() {
    String url = TestPostgres.freshDatabaseUrl();
    JobConfig job = JobConfigLoader.load(Fixtures.repositoryRoot().resolve("jobs/nightly.yaml"));
    Cli.Result result = Cli.run("run", "--job", job.file().toString(), "--db-url", url);
    assertThat(result.exitCode()).as(result.err()).isZero();
    jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin());
    long runId = Sql.count(jdbi, "select max(run_id) from hcp.run");
    run = new RunContext(runId, job, RuleSetLoader.load(job.rules()), jdbi);
  }

  @Test
  void severalThreadsAndSmallChunksGiveTheSameTableAsOneThread() {
    new StandardizeStage(1, Integer.MAX_VALUE).run(run);
    List<String> oneThread = Sql.strings(jdbi, PARTY);
    assertThat(oneThread).hasSizeGreaterThan(500);

    new StandardizeStage(3, 7).run(run);
    assertThat(Sql.strings(jdbi, PARTY)).containsExactlyElementsOf(oneThread);

    new StandardizeStage(2, 64).run(run);
    assertThat(Sql.strings(jdbi, PARTY)).containsExactlyElementsOf(oneThread);
  }

  @Test
  void partyIdsFollowTheSortedSourceRecords() {
    new StandardizeStage(3, 5).run(run);
    List<String> byId = Sql.strings(jdbi,
        "select system || '/' || source_id from hcp.party order by party_id");
    List<String> sorted = Sql.strings(jdbi,
        "select system || '/' || source_id from hcp.party order by system, source_id");
    assertThat(byId).containsExactlyElementsOf(sorted);
    assertThat(Sql.count(jdbi, "select max(party_id) - count(*) from hcp.party")).isZero();
  }
}
