package io.hcp360.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.standardize.Npi;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden IDs across three runs: records are added, two HCPs merge (an NPI is corrected to
 * another record's), and one splits (a record gets a different NPI).
 */
class GoldenIdStabilityIT {
  @TempDir Path dir;

  private static String npi(int base) {
    String nine = Integer.toString(base);
    return nine + Npi.checkDigit(nine);
  }

  private static final String N1 = npi(123456781);
  private static final String N2 = npi(123456782);
  private static final String N3 = npi(123456783);
  private static final String N4 = npi(123456784);
  private static final String N5 = npi(123456785);

  private void write(String... rows) throws IOException {
    Files.writeString(dir.resolve("people.csv"),
        "Id,First,Last,NPI\n" + String.join("\n", rows) + "\n");
  }

  private Map<String, String> run(String url) {
    Cli.Result run = Cli.run("run", "--job", dir.resolve("job.yaml").toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return Sql.strings(Jdbi.create(url), "select source_id || '=' || golden_id from publish.hcp_xref")
        .stream().map(s -> s.split("=")).collect(Collectors.toMap(s -> s[0], s -> s[1]));
  }

  @Test
  void goldenIdsSurviveAddsMergesAndSplits() throws IOException {
    Files.writeString(dir.resolve("job.yaml"), """
        name: stability
        sources:
          - system: crm
            files:
              - name: people
                path: people.csv
                party: {source_id: Id, first_name: First, last_name: Last, npi: NPI,
                        country: {constant: US}}
        """);
    String url = TestPostgres.freshDatabaseUrl();
    Jdbi jdbi = Jdbi.create(url);

    write("A1,Ann,Lee," + N1, "A2,Ann,Lee," + N1, "A3,Ann,Lee," + N1,
        "B1,Bob,Ray,", "C1,Carl,Fox," + N2, "D1,Dan,Poe," + N3);
    Map<String, String> first = run(url);
    assertThat(first.get("A1")).isEqualTo(first.get("A2")).isEqualTo(first.get("A3"));
    assertThat(List.of(first.get("A1"), first.get("B1"), first.get("C1"), first.get("D1")))
        .doesNotHaveDuplicates();
    assertThat(Sql.strings(jdbi, "select event from publish.golden_id_history"))
        .containsOnly("created").hasSize(4);

    // Run 2: E1 is new; C1's NPI is corrected to D1's, so C and D merge.
    write("A1,Ann,Lee," + N1, "A2,Ann,Lee," + N1, "A3,Ann,Lee," + N1,
        "B1,Bob,Ray,", "C1,Carl,Fox," + N3, "D1,Dan,Poe," + N3, "E1,Eve,Kim," + N4);
    Map<String, String> second = run(url);
    assertThat(second.get("A1")).isEqualTo(first.get("A1"));
    assertThat(second.get("B1")).isEqualTo(first.get("B1"));
    assertThat(second.get("C1")).isEqualTo(second.get("D1"))
        .isIn(first.get("C1"), first.get("D1"));
    String survivor = second.get("C1");
    String retired = survivor.equals(first.get("C1")) ? first.get("D1") : first.get("C1");
    assertThat(Sql.strings(jdbi, "select event || ':' || coalesce(related_golden_id, '')"
        + " from publish.golden_id_history where run_id = 2 and golden_id = '" + retired + "'"))
        .containsExactly("merged:" + survivor);
    assertThat(Sql.strings(jdbi, "select current_id from publish.golden_id_resolution"
        + " where requested_id = '" + retired + "'")).containsExactly(survivor);
    assertThat(Sql.strings(jdbi, "select event from publish.golden_id_history"
        + " where run_id = 2 and golden_id = '" + second.get("E1") + "'"))
        .containsExactly("created");
    assertThat(first.values()).doesNotContain(second.get("E1"));

    // Run 3: A2 now has another NPI: it splits off; A1 and A3, the larger part, keep the ID.
    write("A1,Ann,Lee," + N1, "A2,Ann,Lee," + N5, "A3,Ann,Lee," + N1,
        "B1,Bob,Ray,", "C1,Carl,Fox," + N3, "D1,Dan,Poe," + N3, "E1,Eve,Kim," + N4);
    Map<String, String> third = run(url);
    assertThat(third.get("A1")).isEqualTo(first.get("A1")).isEqualTo(third.get("A3"));
    assertThat(third.get("A2")).isNotEqualTo(first.get("A1"));
    assertThat(Sql.strings(jdbi, "select event || ':' || related_golden_id"
        + " from publish.golden_id_history where run_id = 3 and golden_id = '"
        + third.get("A2") + "'")).containsExactly("split:" + first.get("A1"));
    assertThat(third.get("B1")).isEqualTo(first.get("B1"));
    assertThat(third.get("C1")).isEqualTo(survivor);
    assertThat(third.get("E1")).isEqualTo(second.get("E1"));
    // Every ID ever published still resolves to a current one.
    for (String id : List.of(first.get("A1"), first.get("B1"), first.get("C1"), first.get("D1"),
        second.get("E1"), third.get("A2"))) {
      assertThat(Sql.strings(jdbi, "select current_id from publish.golden_id_resolution"
          + " where requested_id = '" + id + "'")).as(id).hasSize(1);
    }
    // Runs 2 and 3 were incremental: a golden record's values stay in the partition of the run
    // that built it (B1's since run 1, E1's since run 2, A's split in run 3), and the lineage
    // shows each golden HCP's from there. No partition is kept that no golden HCP uses.
    assertThat(Sql.strings(jdbi, "select golden_mode from hcp.run order by run_id"))
        .containsExactly("full", "incremental", "incremental");
    assertThat(Sql.strings(jdbi, "select distinct run_id::text from publish.hcp_lineage"
        + " where golden_id = '" + third.get("B1") + "'")).containsExactly("1");
    assertThat(Sql.strings(jdbi, "select distinct run_id::text from publish.hcp_lineage"
        + " where golden_id = '" + third.get("E1") + "'")).containsExactly("2");
    assertThat(Sql.strings(jdbi, "select distinct run_id::text from publish.hcp_lineage"
        + " where golden_id = '" + third.get("A2") + "'")).containsExactly("3");
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp h where not exists"
        + " (select 1 from publish.hcp_lineage l where l.golden_id = h.golden_id)")).isZero();
    assertThat(Sql.count(jdbi, "select count(*) from (select distinct run_id from"
        + " hcp.golden_value) v where run_id not in (select run_id from publish.hcp"
        + " union select run_id from hcp.golden_record)")).isZero();
  }
}
