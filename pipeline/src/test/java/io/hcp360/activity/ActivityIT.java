package io.hcp360.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Calls and email events linked to golden HCPs through their source records, then published. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityIT {
  private final String job = Fixtures.path("activity/job.yaml").toString();
  private String url;
  private Jdbi jdbi;
  private Cli.Result run;

  @BeforeAll
  void runTheJob() {
    url = TestPostgres.freshDatabaseUrl();
    run = Cli.run("run", "--job", job, "--db-url", url);
    jdbi = Jdbi.create(url);
  }

  private String golden(String source, String sourceId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select golden_id from publish.hcp_xref where source = :s and source_id = :id")
        .bind("s", source).bind("id", sourceId).mapTo(String.class).one());
  }

  /** activity_type/activity_id → golden_id, channel of the published activity log. */
  private Map<String, String> published(String column) {
    return jdbi.withHandle(h -> h.createQuery("select activity_type || '/' || activity_id as k, "
            + column + " as v from publish.activity_log")
        .reduceRows(new java.util.TreeMap<String, String>(), (m, r) -> {
          m.put(r.getColumn("k", String.class), r.getColumn("v", String.class));
          return m;
        }));
  }

  @Test
  void theRunCompletesWithAnActivitiesStepBeforePublish() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    // the timed steps in the order they started (consent and activities run at once)
    List<String> steps = java.util.regex.Pattern.compile("(?m)^  ([a-z]+)\\s+\\d+\\.\\d s$")
        .matcher(run.out()).results().map(m -> m.group(1)).toList();
    assertThat(steps).contains("consent");
    assertThat(steps.indexOf("golden")).isLessThan(steps.indexOf("activities"));
    assertThat(steps.indexOf("activities")).isLessThan(steps.indexOf("gate"));
    assertThat(steps.indexOf("gate")).isLessThan(steps.indexOf("publish"));
  }

  @Test
  void everyActivityIsLinkedToTheGoldenHcpOfItsSourceRecord() {
    // By hand: A1 and S1 share NPI and email (one HCP); A2, A3 and S2 are three others.
    String smith = golden("crm", "A1");
    assertThat(golden("email", "S1")).isEqualTo(smith);
    List<String> others = List.of(golden("crm", "A2"), golden("crm", "A3"), golden("email", "S2"));
    assertThat(others).doesNotHaveDuplicates().doesNotContain(smith);
    assertThat(published("golden_id")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "call/C1", smith,
        "call/C2", others.get(0),
        "call/C4", others.get(1),
        "email_send/M1", smith,
        "email_open/M1", smith,
        "email_click/M1", smith,
        "email_send/M2", others.get(2)));
    assertThat(Sql.count(jdbi, """
        select count(*) from publish.activity_log a
        where not exists (select 1 from publish.hcp h where h.golden_id = a.golden_id)"""))
        .isZero();
  }

  @Test
  void aMissingChannelIsDerivedFromTheActivityType() {
    assertThat(published("channel")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "call/C1", "visit", // F2F, as the source mapped it
        "call/C2", "remote_meeting", // REM on the copy that is kept
        "call/C4", "visit", // none given: derived
        "email_send/M1", "email",
        "email_open/M1", "email",
        "email_click/M1", "email",
        "email_send/M2", "email"));
  }

  @Test
  void anActivityOfAnUnknownSourceRecordIsKeptWithItsReason() {
    Map<String, Object> unlinked = jdbi.withHandle(h -> h.createQuery(
        "select activity_id, source, source_id, reason, line from publish.unlinked_activity")
        .mapToMap().one());
    assertThat(unlinked).containsEntry("activity_id", "C3").containsEntry("source", "crm")
        .containsEntry("source_id", "A9")
        .containsEntry("reason", "no party record crm/A9 in this run")
        .containsEntry("line", 4);
    assertThat(Sql.string(jdbi,
        "select link_status from hcp.activity where activity_id = 'C3'"))
        .isEqualTo("unknown_source_record");
  }

  @Test
  void anActivityStagedTwiceIsKeptOnceTheLatestLoggedCopy() {
    assertThat(Sql.count(jdbi, "select count(*) from hcp.staged_activity")).isEqualTo(10);
    assertThat(Sql.count(jdbi, "select count(*) from hcp.activity")).isEqualTo(8);
    assertThat(Sql.count(jdbi, "select count(*) from publish.activity_log")).isEqualTo(7);
    assertThat(Sql.count(jdbi, "select count(*) from publish.unlinked_activity")).isEqualTo(1);
    Map<String, Object> c2 = jdbi.withHandle(h -> h.createQuery(
        "select line, logged_at::text as logged from hcp.activity where activity_id = 'C2'")
        .mapToMap().one());
    assertThat(c2).containsEntry("line", 6).containsEntry("logged", "2025-03-05 08:00:00+00");
  }

  @Test
  void aSecondRunKeepsTheActivitiesThatDidNotChangeAndAFullRunReplacesTheLog() {
    String second = TestPostgres.freshDatabaseUrl();
    assertThat(Cli.run("run", "--job", job, "--db-url", second).exitCode()).isZero();
    Jdbi db = Jdbi.create(second);
    List<String> log = Sql.strings(db, "select activity_key || ' ' || activity_type || '/'"
        + " || activity_id || ' ' || golden_id from publish.activity_log order by 1");
    Cli.Result again = Cli.run("run", "--job", job, "--db-url", second);
    assertThat(again.exitCode()).as(again.err()).isZero();
    // Nothing changed: the incremental run keeps every row, with the run that wrote it.
    assertThat(Sql.string(db, "select activity_mode from hcp.run where run_id = 2"))
        .isEqualTo("incremental");
    assertThat(Sql.count(db, "select count(*) from hcp.activity_change")).isZero();
    assertThat(Sql.strings(db, "select activity_key || ' ' || activity_type || '/'"
        + " || activity_id || ' ' || golden_id from publish.activity_log order by 1"))
        .isEqualTo(log);
    assertThat(Sql.strings(db, "select distinct run_id::text from publish.activity_log"))
        .containsExactly("1");
    assertThat(Sql.count(db, "select count(*) from publish.unlinked_activity")).isEqualTo(1);

    Cli.Result full = Cli.run("run", "--job", job, "--db-url", second, "--full");
    assertThat(full.exitCode()).as(full.err()).isZero();
    assertThat(Sql.strings(db, "select distinct run_id::text from publish.activity_log"))
        .containsExactly("3");
    assertThat(Sql.strings(db, "select distinct run_id::text from hcp.activity"))
        .containsExactly("3");
    assertThat(Sql.count(db, "select count(*) from publish.activity_log")).isEqualTo(7);
    assertThat(Sql.count(db, "select count(*) from publish.unlinked_activity")).isEqualTo(1);
  }

  @Test
  void aRunThatFailedAtTheActivitiesStepResumesThereWithTheSameLog() {
    String db = TestPostgres.freshDatabaseUrl();
    Jdbi other = Jdbi.create(db);
    assertThat(Cli.run("run", "--job", job, "--db-url", db).exitCode()).isZero();
    other.useHandle(h -> h.execute("alter table hcp.activity rename to activity_away"));
    Cli.Result failed = Cli.run("run", "--job", job, "--db-url", db);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).contains("Run 2 of job activity: FAILED");
    // The first run's publish is untouched.
    assertThat(Sql.count(other, "select count(*) from publish.activity_log where run_id = 1"))
        .isEqualTo(7);

    other.useHandle(h -> h.execute("alter table hcp.activity_away rename to activity"));
    Cli.Result resumed = Cli.run("run", "--job", job, "--db-url", db);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out())
        .contains("Run 2 of job activity: COMPLETED (resumed after a failure)");
    // Run 2 is published; it changed nothing, so its activities are run 1's rows, kept.
    assertThat(Sql.count(other, "select run_id from publish.published_run")).isEqualTo(2);
    assertThat(Sql.count(other, "select count(*) from hcp.activity")).isEqualTo(8);
    assertThat(Sql.count(other, "select count(*) from publish.activity_log")).isEqualTo(7);
    assertThat(Sql.count(other, "select count(*) from publish.unlinked_activity")).isEqualTo(1);
  }
}
