package io.hcp360.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly job over a small fixture: publish, golden ID stability, restart after a failure. */
class NightlyJobIT {
  @TempDir Path dir;

  private static List<String> xref(Jdbi jdbi) {
    return Sql.strings(jdbi,
        "select source || '/' || source_id || '=' || golden_id from publish.hcp_xref order by 1");
  }

  @Test
  void publishesEveryStagedPartyRecordAndLinksSameNpiAndEmail() {
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result run = Cli.run("run", "--job", Fixtures.path("basic/job.yaml").toString(),
        "--db-url", url);
    assertThat(run.exitCode()).as(run.err()).isZero();
    Jdbi jdbi = Jdbi.create(url);
    List<String> staged = Sql.strings(jdbi,
        "select distinct system || '/' || source_id from hcp.staged_party order by 1");
    List<String> published = Sql.strings(jdbi,
        "select source || '/' || source_id from publish.hcp_xref order by 1");
    assertThat(published).isEqualTo(staged).hasSize(7);
    // 001A, 001B and M1 share the valid NPI 1234567893: one golden record.
    List<String> smiths = Sql.strings(jdbi,
        "select distinct golden_id from publish.hcp_xref where source_id in ('001A','001B','M1')");
    assertThat(smiths).hasSize(1);
    assertThat(run.out()).contains("Run 1 of job basic: COMPLETED")
        .containsPattern("total\\s+10\\s+10\\s+0")
        .containsPattern("party records\\s+7").containsPattern("golden records\\s+5")
        .contains("ingest").contains("publish");
  }

  @Test
  void aSecondRunKeepsTheGoldenIds() {
    String url = TestPostgres.freshDatabaseUrl();
    String job = Fixtures.path("basic/job.yaml").toString();
    assertThat(Cli.run("run", "--job", job, "--db-url", url).exitCode()).isZero();
    List<String> first = xref(Jdbi.create(url));
    Cli.Result second = Cli.run("run", "--job", job, "--db-url", url);
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("Run 2 of job basic: COMPLETED");
    assertThat(xref(Jdbi.create(url))).isEqualTo(first);
    // No file changed: the second run read none again and used the rows the first staged
    // (one copy of each file), copying their counts.
    Jdbi jdbi = Jdbi.create(url);
    assertThat(Sql.strings(jdbi, "select distinct run_id from hcp.staged_party"))
        .containsExactly("1");
    assertThat(Sql.count(jdbi, "select count(*) from hcp.staged_party")).isEqualTo(7);
    assertThat(Sql.strings(jdbi, "select distinct staged_run || ' ' || rows_read"
        + " from hcp.file_load where run_id = 2 order by 1")).containsExactly("1 1", "1 2",
        "1 3", "1 4");
    // The summary's counts, taken from the completed run's report, are the store's.
    assertThat(second.out())
        .containsPattern("party records\\s+" + String.format("%,d",
            Sql.count(jdbi, "select count(*) from hcp.party")) + "\\R")
        .containsPattern("golden records\\s+" + String.format("%,d",
            Sql.count(jdbi, "select count(*) from hcp.golden_record")) + "\\R");
  }

  @Test
  void aFailedRunResumesAtTheStepThatFailedAndFinishesTheJob() {
    String url = TestPostgres.freshDatabaseUrl();
    Path job = Fixtures.copy("basic", dir.resolve("basic")).resolve("job.yaml");
    Jdbi jdbi = Jdbi.create(url);
    // A real failure in the golden step: its table is missing.
    assertThat(Cli.run("validate", "--job", job.toString()).exitCode()).isZero();
    Cli.Result first = Cli.run("run", "--job", job.toString(), "--db-url", url, "--fresh");
    assertThat(first.exitCode()).isZero();
    jdbi.useHandle(h -> h.execute("alter table hcp.golden_member rename to golden_member_away"));
    Cli.Result failed = Cli.run("run", "--job", job.toString(), "--db-url", url);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).contains("Run 2 of job basic: FAILED").contains("golden_member");

    jdbi.useHandle(h -> h.execute("alter table hcp.golden_member_away rename to golden_member"));
    Cli.Result resumed = Cli.run("run", "--job", job.toString(), "--db-url", url);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Run 2 of job basic: COMPLETED (resumed after a failure)");
    // Ingest was not done again: one load per file, no duplicated staged rows.
    assertThat(Sql.count(jdbi, "select count(*) from hcp.file_load where run_id = 2"))
        .isEqualTo(4);
    assertThat(Sql.count(jdbi, "select count(*) from hcp.staged_party")).isEqualTo(7);
    assertThat(xref(jdbi)).hasSize(7).allSatisfy(x -> assertThat(x).contains("=HCP"));
  }

  @Test
  void helpListsEveryCommand() {
    Cli.Result help = Cli.run("--help");
    assertThat(help.exitCode()).isZero();
    for (String command : List.of("run", "validate", "rejects", "sql", "db", "help")) {
      assertThat(help.out()).containsPattern("(?m)^  " + command + "\\s+\\S");
    }
  }

  @Test
  void aBadJobFileFailsBeforeAnythingRunsWithEveryProblem() {
    Cli.Result run = Cli.run("run", "--job", Fixtures.path("broken/job.yaml").toString(),
        "--db-url", "jdbc:postgresql://127.0.0.1:1/never-reached");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("3 problems in the configuration")
        .contains("job.yaml:7: unknown key 'frist_name' in party; did you mean 'first_name'?")
        .contains("job.yaml:9: 'yyyy-MM-dd bb' is not a valid date pattern")
        .contains("job.yaml:4: no file matches 'missing.csv'");
  }
}
