package io.hcp360.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real run process (a child JVM running {@code hcp360 run}) is killed with SIGKILL in a given
 * step; while it is alive a second run of the job is refused; the next {@code hcp360 run}
 * after the kill resumes it, and what it publishes equals, row for row, what an uninterrupted
 * run publishes on a fresh database (golden IDs, activity keys and list versions included).
 * The child stops in the step through the test hook
 * {@code -Dhcp360.test.pause-at=STEP:start|end} (see {@link CrashPoint}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRestartIT {
  /** Every table a run fills, with the columns that hold the time of writing left out. */
  static final List<String> TABLES = List.of(
      "hcp.file_load", "hcp.reject", "hcp.party", "hcp.match_pair", "hcp.cluster_member",
      "hcp.golden_value", "hcp.golden_id_redirect", "publish.hcp_xref", "publish.hcp",
      "publish.golden_id_history", "publish.hcp_lineage", "publish.activity_log",
      "publish.unlinked_activity", "publish.channel_eligibility", "publish.market_regime",
      "publish.hcp360_list", "publish.hcp360_list_version", "publish.published_run");
  private static final String TIMES = "array['published_at', 'happened_at', 'loaded_at']";

  private final Path job = Fixtures.repositoryRoot().resolve("jobs/nightly.yaml");
  private Map<String, List<String>> uninterrupted;

  @TempDir Path workDir;

  @BeforeAll
  void runOnceWithoutInterruption() {
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result run = Cli.run("run", "--job", job.toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.err()).isZero();
    uninterrupted = published(url);
    assertThat(uninterrupted.get("publish.hcp")).isNotEmpty();
    assertThat(uninterrupted.get("publish.activity_log")).isNotEmpty();
    assertThat(uninterrupted.get("publish.channel_eligibility")).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest:end", "match:end", "golden:end", "activities:end",
      "publish:end"})
  void aRunKilledInAStepIsResumedAndPublishesWhatAnUninterruptedRunDoes(String point)
      throws Exception {
    String url = TestPostgres.freshDatabaseUrl();
    Process child = startRun(url, point);
    awaitPause(child, point);
    String step = point.substring(0, point.indexOf(':'));
    Jdbi jdbi = Jdbi.create(url);
    assertThat(Sql.string(jdbi, "select status from batch.batch_step_execution"
        + " where step_name = '" + step + "'")).isEqualTo("STARTED");
    Cli.Result second = Cli.run("run", "--job", job.toString(), "--db-url", url);
    assertThat(second.exitCode()).as("a second run while the first is alive").isEqualTo(1);
    assertThat(second.err()).contains(
        "job 'nightly' is already running in another process; wait for it to finish");
    assertThat(Sql.string(jdbi, "select status from batch.batch_step_execution"
        + " where step_name = '" + step + "'")).as("the live run is untouched")
        .isEqualTo("STARTED");
    child.destroyForcibly().waitFor();

    Cli.Result resumed = Cli.run("run", "--job", job.toString(), "--db-url", url);

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Run 1 of job nightly: COMPLETED (resumed after a failure)");
    Map<String, List<String>> result = published(url);
    for (String table : TABLES) {
      assertThat(result.get(table)).as(table + " after a kill at " + point)
          .containsExactlyElementsOf(uninterrupted.get(table));
    }
  }

  /**
   * An incremental night (records, activities and consent changed since the night before)
   * killed in its activities or publish step: resumed, it publishes what the same night does
   * uninterrupted, activity keys and list versions included.
   */
  @ParameterizedTest
  @ValueSource(strings = {"activities:end", "publish:end"})
  void anIncrementalRunKilledInAStepIsResumedAndPublishesWhatAnUninterruptedOneDoes(
      String point) throws Exception {
    String name = point.replace(':', '-');
    Path killedJob = copyOfTheSamples(workDir.resolve(name + "-killed"));
    Path uninterruptedJob = copyOfTheSamples(workDir.resolve(name + "-uninterrupted"));
    String killed = TestPostgres.freshDatabaseUrl();
    String reference = TestPostgres.freshDatabaseUrl();
    for (String[] night : List.of(new String[] {killed, killedJob.toString()},
        new String[] {reference, uninterruptedJob.toString()})) {
      Cli.Result first = Cli.run("run", "--job", night[1], "--db-url", night[0]);
      assertThat(first.exitCode()).as(first.err()).isZero();
      Path samples = Path.of(night[1]).getParent().resolve("../samples").normalize();
      io.hcp360.samples.ExtractChanges.apply(samples, 40, 3);
      io.hcp360.samples.ExtractChanges.applyToActivities(samples, 40, 3);
    }
    Cli.Result second = Cli.run("run", "--job", uninterruptedJob.toString(), "--db-url",
        reference);
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(Sql.string(Jdbi.create(reference), "select golden_mode || ' ' || activity_mode"
        + " || ' ' || list_mode from hcp.run where run_id = 2"))
        .isEqualTo("incremental incremental incremental");

    Process child = startRun(killedJob, killed, point, workDir);
    awaitPause(child, point);
    child.destroyForcibly().waitFor();
    Cli.Result resumed = Cli.run("run", "--job", killedJob.toString(), "--db-url", killed);

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Run 2 of job nightly: COMPLETED (resumed after a failure)");
    Map<String, List<String>> expected = published(reference);
    Map<String, List<String>> result = published(killed);
    for (String table : TABLES) {
      assertThat(result.get(table)).as(table + " after a kill at " + point)
          .containsExactlyElementsOf(expected.get(table));
    }
  }

  /** The nightly job, its rule set and the samples, copied to change the samples. */
  private static Path copyOfTheSamples(Path to) {
    for (String folder : List.of("jobs", "matching-rules", "samples")) {
      Fixtures.copyTree(Fixtures.repositoryRoot().resolve(folder), to.resolve(folder));
    }
    return to.resolve("jobs/nightly.yaml");
  }

  private Process startRun(String url, String point) throws IOException {
    return startRun(job, url, point, workDir);
  }

  /** {@code hcp360 run} in a child JVM that pauses at {@code point}. */
  static Process startRun(Path job, String url, String point, Path workDir, String... more)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // C1 only and one GC thread: the child runs for seconds, on a machine that may be busy
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx768m",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        "-D" + CrashPoint.PROPERTY + "=" + point,
        "io.hcp360.cli.Hcp360", "run", "--job", job.toString(), "--db-url", url));
    command.addAll(List.of(more));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true);
    return builder.start();
  }

  /** Reads the child's output until it says it paused; fails if it ends or takes too long. */
  static void awaitPause(Process child, String point) throws IOException {
    StringBuilder output = new StringBuilder();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      output.append(line).append('\n');
      if (line.contains("paused at " + point)) {
        Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        break;
      }
    }
    throw new AssertionError("the run did not pause at " + point + ":\n" + output);
  }

  static Map<String, List<String>> published(String url) {
    Jdbi jdbi = Jdbi.create(url);
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String table : TABLES) {
      rows.put(table, Sql.strings(jdbi, "select (to_jsonb(t) - " + TIMES + ")::text as r from "
          + table + " t order by r"));
    }
    return rows;
  }
}
