package io.hcp360.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.samples.ExtractChanges;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental run and a full run over the same extracts leave the same party records, pairs,
 * clusters, golden IDs and golden records: two databases live through the same nights, one
 * with incremental runs, the other with {@code --full} runs. Each night edits, deletes and adds
 * party rows of generated extracts (the generator's own bad rows, duplicates and namesakes
 * included); on one, a steward splits a golden HCP and links two others.
 */
class IncrementalRunIT {
  @TempDir Path dir;

  /** What is compared, row for row (run ids aside: an incremental run keeps older rows). */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("party records", """
        select party_id, system, source_id, row_hash, first_name_std, last_name_std, npi,
               email, phone_e164, address_std, postal_code_std, specialty_code
        from hcp.party""");
    TABLES.put("stored pairs", """
        select left_id, right_id, score, decision, reason, levels, weights from hcp.scored_pair""");
    TABLES.put("links taken back", "select left_id, right_id from hcp.dropped_pair");
    TABLES.put("clusters", "select party_id, cluster_id from hcp.cluster_member");
    TABLES.put("golden IDs", "select source, source_id, golden_id from publish.hcp_xref");
    TABLES.put("golden records", "select to_jsonb(h) - 'run_id' from publish.hcp h");
    TABLES.put("golden values and their lineage", """
        select golden_id, attribute, value, source, source_id, rule from publish.hcp_lineage""");
    TABLES.put("golden ID history", """
        select golden_id, event, related_golden_id, records from publish.golden_id_history""");
  }

  @Test
  void incrementalRunsPublishWhatFullRunsPublish() {
    Path job = dir.resolve("job.yaml");
    generate(job, "0");
    String incremental = TestPostgres.freshDatabaseUrl();
    String full = TestPostgres.freshDatabaseUrl();
    run(job, incremental);
    run(job, full);
    assertThat(mode(incremental)).isEqualTo("full");  // nothing to build on yet

    // Night 2: 5 % of the party records edited, deleted or copied under a new id.
    generate(job, "5");
    run(job, incremental);
    run(job, full, "--full");
    assertThat(mode(incremental)).isEqualTo("incremental");
    assertThat(mode(full)).isEqualTo("full");
    assertSame(incremental, full);
    Jdbi inc = Jdbi.create(incremental);
    assertThat(Sql.strings(inc, "select distinct change from hcp.party_change"
        + " where run_id = (select max(run_id) from hcp.run)"))
        .containsExactlyInAnyOrder("added", "changed", "deleted");
    long regrouped = Sql.count(inc, "select count(*) from hcp.match_change"
        + " where run_id = (select max(run_id) from hcp.run)");
    long records = Sql.count(inc, "select count(*) from hcp.party");
    assertThat(regrouped).as("records whose links were decided again").isPositive()
        .isLessThan(records / 2);

    // Night 3: a steward splits one golden HCP's two records and links two others' records
    // (the same decisions in both databases), other changes on top; then a night with no
    // change at all.
    List<String> split = Sql.strings(inc, """
        select source || ':' || source_id from publish.hcp_xref
        where golden_id = (select golden_id from publish.hcp_xref group by golden_id
                           having count(*) = 2 order by golden_id limit 1)
        order by 1""");
    List<String> link = Sql.strings(inc, """
        select min(x.source || ':' || x.source_id) from publish.hcp_xref x
        join publish.hcp h using (golden_id) where h.npi is null
        group by golden_id order by golden_id desc limit 2""");
    for (String url : List.of(incremental, full)) {
      steward(job, url, "split", split);
      steward(job, url, "link", link);
    }
    ExtractChanges.apply(dir.resolve("data"), 300, 99);
    run(job, incremental);
    run(job, full, "--full");
    assertSame(incremental, full);
    run(job, incremental);
    assertThat(mode(incremental)).isEqualTo("incremental");
    assertThat(Sql.count(inc, "select count(*) from hcp.match_change"
        + " where run_id = (select max(run_id) from hcp.run)")).isZero();
    assertSame(incremental, full);
  }

  private void generate(Path job, String changed) {
    Cli.Result r = Cli.run("generate", "--hcps", "1500", "--seed", "7", "--out",
        dir.resolve("data").toString(), "--job-file", job.toString(), "--changed", changed);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  private static void run(Path job, String url, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--job", job.toString(),
        "--db-url", url));
    args.addAll(List.of(more));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  private static void steward(Path job, String url, String action, List<String> records) {
    Cli.Result r = Cli.run("steward", action, records.get(0), records.get(1), "--job",
        job.toString(), "--db-url", url, "--as", "test", "--comment", "incremental test");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  private static String mode(String url) {
    return Sql.string(Jdbi.create(url), "select mode from hcp.run order by run_id desc limit 1");
  }

  private static void assertSame(String incremental, String full) {
    for (Map.Entry<String, String> table : TABLES.entrySet()) {
      List<String> a = rows(incremental, table.getValue());
      List<String> b = rows(full, table.getValue());
      assertThat(a).as(table.getKey()).isNotEmpty();
      assertThat(a).as(table.getKey() + ": incremental vs full").isEqualTo(b);
    }
  }

  private static List<String> rows(String url, String select) {
    return Sql.strings(Jdbi.create(url),
        "select r::text from (" + select + ") r order by 1");
  }
}
