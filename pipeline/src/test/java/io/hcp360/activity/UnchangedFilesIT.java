package io.hcp360.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental run reads only the extracts that changed and compares only their activities,
 * yet an activity delivered in an unchanged file and again in a changed one keeps the copy a
 * full run keeps: the latest logged, whichever file it is in. Two databases live the same
 * nights, one incremental, one with {@code --full}.
 */
class UnchangedFilesIT {
  private static final String CALLS_HEADER = "Call_Id,Account_Id,Call_Date,Logged,Channel,Product";

  @TempDir Path dir;

  @Test
  void aCopyInAChangedFileOfAnActivityInAnUnchangedOneIsKeptAsAFullRunKeepsIt()
      throws IOException {
    Path job = Fixtures.copy("activity", dir.resolve("activity")).resolve("job.yaml");
    Files.writeString(job, Files.readString(job).replace("path: crm_calls.csv",
        "path: crm_calls*.csv"));
    Path late = job.resolveSibling("crm_calls_late.csv");
    Files.writeString(late, CALLS_HEADER + "\nC7,A3,2025-03-06 09:00,2025-03-06 10:00,F2F,"
        + "Oncovia\n", StandardCharsets.UTF_8);
    String incremental = TestPostgres.freshDatabaseUrl();
    String full = TestPostgres.freshDatabaseUrl();
    night(job, incremental, full);

    // Night 2: the late file changes (it delivers C1 again, logged later, other product) and a
    // new file of calls comes; the others are as they were.
    Files.writeString(late, "C1,A1,2025-03-01 10:00,2025-03-08 09:00,F2F,Oncovia\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(job.resolveSibling("crm_calls_new.csv"), CALLS_HEADER
        + "\nC8,A2,2025-03-07 09:00,2025-03-07 10:00,F2F,Cardiozen\n", StandardCharsets.UTF_8);
    night(job, incremental, full);
    Jdbi inc = Jdbi.create(incremental);
    assertThat(Sql.strings(inc, "select path from hcp.file_load where run_id = 2"
        + " and staged_run = 2 order by path")).as("files read again")
        .containsExactly("crm_calls_late.csv", "crm_calls_new.csv");
    assertThat(Sql.count(inc, "select count(*) from hcp.activity"
        + " where activity_id = 'C8' and link_status = 'linked'")).isEqualTo(1);
    assertThat(Sql.string(inc, "select path || ' ' || product from hcp.activity"
        + " where activity_id = 'C1'")).isEqualTo("crm_calls_late.csv Oncovia");
    assertThat(Sql.string(inc, "select activity_mode from hcp.run where run_id = 2"))
        .isEqualTo("incremental");

    // Night 3: the copy is gone again; the first file's copy is back.
    Files.writeString(late, CALLS_HEADER + "\nC7,A3,2025-03-06 09:00,2025-03-06 10:00,F2F,"
        + "Oncovia\n", StandardCharsets.UTF_8);
    night(job, incremental, full);
    assertThat(Sql.string(inc, "select path || ' ' || product from hcp.activity"
        + " where activity_id = 'C1'")).isEqualTo("crm_calls.csv Cardiozen");
  }

  /** Runs the job on both databases and compares their activities and published logs. */
  private static void night(Path job, String incremental, String full) {
    run(job, incremental);
    run(job, full, "--full");
    for (String select : List.of(
        "select to_jsonb(s) - 'run_id' from hcp.staged_activity s",
        "select to_jsonb(a) - 'activity_key' - 'run_id' from hcp.activity a",
        "select to_jsonb(a) - 'activity_key' - 'run_id' from publish.activity_log a",
        "select to_jsonb(a) - 'activity_key' - 'run_id' from publish.unlinked_activity a")) {
      assertThat(rows(incremental, select)).as(select).isNotEmpty()
          .isEqualTo(rows(full, select));
    }
  }

  private static void run(Path job, String url, String... more) {
    Cli.runJob(job, url, more);
  }

  private static List<String> rows(String url, String select) {
    return Sql.strings(Jdbi.create(url), "select r::text from (" + select + ") r order by 1");
  }
}
