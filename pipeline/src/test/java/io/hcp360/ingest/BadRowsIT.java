package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file with every kind of bad row, each between two good rows: each bad row is rejected with
 * its line and reason, the good rows around it are staged, and the counts reconcile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRowsIT {
  @TempDir static Path dir;
  private Jdbi jdbi;
  private String url;
  private Cli.Result run;

  @BeforeAll
  void ingestAFileOfBadRows() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    line(file, "Id,First,Last,Updated");                         // 1 header
    line(file, "A1,Ann,Good,2025-01-01");                        // 2
    line(file, "B1,Bob,Extra,2025-01-01,surplus");               // 3 wrong number of columns
    line(file, "A2,Al,Good,2025-01-02");                         // 4
    line(file, "B2,\"Unclosed,Quote,2025-01-01");                // 5 broken quoting
    line(file, "A3,Amy,Good,2025-01-03");                        // 6
    file.writeBytes("B3,Bj\u00f6rn,Latin1,2025-01-01\n".getBytes(StandardCharsets.ISO_8859_1)); // 7
    line(file, "A4,Abe,Good,2025-01-04");                        // 8
    line(file, "B4,Bea,BadDate,2025-02-31");                     // 9 date that does not parse
    line(file, "A5,Ada,Good,2025-01-05");                        // 10
    line(file, "B5,Bo,,2025-01-01");                             // 11 missing required field
    line(file, "A6,\"Ari\nwith a line break\",Good,2025-01-06"); // 12-13, one row over two lines
    line(file, "A7,Avi,Good,2025-01-07");                        // 14
    Files.write(dir.resolve("people.csv"), file.toByteArray());
    Files.writeString(dir.resolve("job.yaml"), """
        name: badrows
        sources:
          - system: crm
            files:
              - name: people
                path: people.csv
                party:
                  source_id: Id
                  first_name: First
                  last_name: Last
                  last_modified: {column: Updated, format: "yyyy-MM-dd"}
                  required: [last_name]
        """);
    url = TestPostgres.freshDatabaseUrl();
    run = Cli.run("run", "--job", dir.resolve("job.yaml").toString(), "--db-url", url);
    jdbi = Jdbi.create(url);
  }

  private static void line(ByteArrayOutputStream out, String text) {
    out.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private Map<Integer, String> rejects() {
    return jdbi.withHandle(h -> h.createQuery("select line, reason from hcp.reject order by line")
        .reduceRows(new java.util.TreeMap<Integer, String>(), (map, row) -> {
          map.put(row.getColumn("line", Integer.class), row.getColumn("reason", String.class));
          return map;
        }));
  }

  @Test
  void theRunCompletesAndPrintsTheCounts() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("crm/people\\s+people.csv\\s+12\\s+7\\s+5");
  }

  @Test
  void wrongNumberOfColumns() {
    assertThat(rejects()).containsEntry(3, "wrong number of columns: expected 4, found 5");
  }

  @Test
  void brokenQuoting() {
    assertThat(rejects().get(5)).startsWith("broken quoting: a quoted value opened on line 5");
  }

  @Test
  void undecodableBytes() {
    assertThat(rejects()).containsEntry(7, "undecodable bytes: not valid UTF-8 at byte 6 of the line");
  }

  @Test
  void aDateThatDoesNotParse() {
    assertThat(rejects())
        .containsEntry(9, "last_modified: date '2025-02-31' does not parse with format 'yyyy-MM-dd'");
  }

  @Test
  void aMissingRequiredField() {
    assertThat(rejects()).containsEntry(11, "missing required field party.last_name (column Last)");
  }

  @Test
  void theGoodRowsAroundEachBadRowAreStaged() {
    List<String> lines = Sql.strings(jdbi, "select line from hcp.staged_party order by line");
    assertThat(lines).containsExactly("2", "4", "6", "8", "10", "12", "14");
    String multiLine = Sql.string(jdbi,
        "select first_name from hcp.staged_party where source_id = 'A6'");
    assertThat(multiLine).isEqualTo("Ari\nwith a line break");
  }

  @Test
  void rejectsKeepTheirRawTextAndFile() {
    Map<String, Object> reject = jdbi.withHandle(h -> h.createQuery(
        "select system, file_name, path, raw from hcp.reject where line = 9").mapToMap().one());
    assertThat(reject).containsEntry("system", "crm").containsEntry("file_name", "people")
        .containsEntry("path", "people.csv").containsEntry("raw", "B4,Bea,BadDate,2025-02-31");
  }

  @Test
  void countsReconcile() {
    Map<String, Object> counts = jdbi.withHandle(h -> h.createQuery(
        "select rows_read, rows_staged, rows_rejected from hcp.file_load").mapToMap().one());
    assertThat(counts).containsEntry("rows_read", 12L).containsEntry("rows_staged", 7L)
        .containsEntry("rows_rejected", 5L);
    long staged = Sql.count(jdbi, "select count(*) from hcp.staged_party");
    long rejected = Sql.count(jdbi, "select count(*) from hcp.reject");
    assertThat(staged).isEqualTo(7);
    assertThat(rejected).isEqualTo(5);
  }

  @Test
  void theRejectsCommandListsThem() {
    Cli.Result listed = Cli.run("rejects", "--db-url", url);
    assertThat(listed.exitCode()).isZero();
    assertThat(listed.out()).contains("run 1: 5 rejects")
        .contains("crm/people people.csv:9: last_modified: date '2025-02-31' does not parse");
  }
}
