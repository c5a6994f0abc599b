package io.hcp360.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report every run writes: its figures against the database, its page, its JSON. */
class RunReportIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** The basic fixture with three bad rows: two of one kind, one of another. */
  private Path jobWithRejects() throws IOException {
    Path job = Fixtures.copy("basic", dir.resolve("basic")).resolve("job.yaml");
    Path accounts = job.resolveSibling("crm_accounts.csv");
    Files.writeString(accounts, Files.readString(accounts)
        + "001E,Too,Many,Columns,x@example.com,2025-01-01T00:00:00Z,A,extra\n"
        + "001F,Also,Too,Many,y@example.com,2025-01-01T00:00:00Z,A,extra\n"
        + "001G,Nolastname,,,z@example.com,2025-01-01T00:00:00Z,A\n");
    return job;
  }

  @Test
  void aRunWritesAReportWhoseFiguresMatchTheDatabase() throws IOException {
    String url = TestPostgres.freshDatabaseUrl();
    Path home = dir.resolve("home");
    Path job = jobWithRejects();
    Cli.Result run = Cli.run("run", "--job", job.toString(), "--db-url", url,
        "--data-dir", home.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path folder = home.resolve("runs").resolve("1");
    assertThat(run.out()).contains("report: " + folder.resolve("report.html"));
    Jdbi jdbi = Jdbi.create(url);

    JsonNode report = JSON.readTree(folder.resolve("report.json").toFile());
    assertThat(report.get("runId").asLong()).isEqualTo(1);
    assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(report.get("published").asBoolean()).isTrue();

    // Rows per file, as ingest counted them and as hcp.reject holds them.
    Map<String, Long> rejectsPerFile = new HashMap<>();
    for (JsonNode f : report.get("files")) {
      String key = f.get("system").asText() + "/" + f.get("fileName").asText() + " "
          + f.get("path").asText();
      assertThat(f.get("read").asLong())
          .isEqualTo(f.get("staged").asLong() + f.get("rejected").asLong());
      rejectsPerFile.merge(key, f.get("rejected").asLong(), Long::sum);
    }
    assertThat(rejectsPerFile).isEqualTo(counts(jdbi, """
        select system || '/' || file_name || ' ' || path, count(*) from hcp.reject
        group by 1 union all
        select system || '/' || file_name || ' ' || path, 0 from hcp.file_load l
        where not exists (select 1 from hcp.reject r where r.path = l.path)"""));
    assertThat(report.get("files")).hasSize(
        (int) Sql.count(jdbi, "select count(*) from hcp.file_load where run_id = 1"));
    assertThat(report.at("/totals/rowsRejected").asLong()).isEqualTo(3);

    // Rejects by kind: the two rows with too many columns are one kind, with examples.
    long byReason = 0;
    List<String> reasons = new ArrayList<>();
    for (JsonNode reason : report.get("rejects")) {
      byReason += reason.get("rows").asLong();
      reasons.add(reason.get("reason").asText() + " x" + reason.get("rows").asLong());
      assertThat(reason.get("examples")).isNotEmpty();
      assertThat(reason.at("/examples/0/raw").asText()).contains("@example.com");
    }
    assertThat(byReason).isEqualTo(Sql.count(jdbi, "select count(*) from hcp.reject"));
    assertThat(reasons).hasSize(2).anySatisfy(r -> assertThat(r).endsWith("x2"));

    // Per source system and per step.
    Map<String, Long> partyPerSystem = new HashMap<>();
    report.get("sources").forEach(s ->
        partyPerSystem.put(s.get("system").asText(), s.get("partyRecords").asLong()));
    assertThat(partyPerSystem).isEqualTo(counts(jdbi,
        "select system, count(*) from hcp.party group by system"));
    Map<String, Long> goldenPerSystem = new HashMap<>();
    report.get("sources").forEach(s ->
        goldenPerSystem.put(s.get("system").asText(), s.get("goldenHcps").asLong()));
    assertThat(goldenPerSystem).isEqualTo(counts(jdbi, """
        select p.system, count(distinct m.golden_id)
        from hcp.party p join hcp.golden_member m using (party_id) group by p.system"""));
    assertThat(report.at("/totals/clusters").asLong()).isEqualTo(Sql.count(jdbi,
        "select count(distinct cluster_id) from hcp.cluster_member"));
    assertThat(report.at("/totals/multiRecordClusters").asLong()).isEqualTo(Sql.count(jdbi, """
        select count(*) from (select cluster_id from hcp.cluster_member group by cluster_id
                              having count(*) > 1) c"""));
    assertThat(report.at("/totals/goldenRecords").asLong()).isEqualTo(Sql.count(jdbi,
        "select count(*) from hcp.golden_record"));
    assertThat(report.at("/totals/publishedHcps").asLong()).isEqualTo(Sql.count(jdbi,
        "select count(*) from publish.hcp"));
    Map<String, Long> publishedPerSystem = new HashMap<>();
    report.get("sources").forEach(s ->
        publishedPerSystem.put(s.get("system").asText(), s.get("published").asLong()));
    assertThat(publishedPerSystem).isEqualTo(counts(jdbi,
        "select source, count(*) from publish.hcp_xref group by source"));

    // The figures of the steps before publish were gathered while publish ran: a report
    // gathered whole now, after it, holds the same (its time of writing and steps apart).
    io.hcp360.match.rules.RuleSet rules = io.hcp360.match.rules.RuleSetLoader.load(
        io.hcp360.config.JobConfigLoader.load(job).rules());
    Jdbi daos = Jdbi.create(url).installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin())
        .installPlugin(new org.jdbi.v3.postgres.PostgresPlugin());
    JsonNode whole = JSON.readTree(ReportJson.write(ReportGatherer.gather(daos, 1, rules,
        "COMPLETED", List.of(), java.util.Optional.empty())));
    ((com.fasterxml.jackson.databind.node.ObjectNode) whole).remove("reportedAt");
    JsonNode written = report.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) written).remove("reportedAt");
    // (the report step was still running when the written one was gathered)
    ((com.fasterxml.jackson.databind.node.ObjectNode) whole).remove("steps");
    ((com.fasterxml.jackson.databind.node.ObjectNode) written).remove("steps");
    assertThat(whole).isEqualTo(written);

    // Match scores: the histogram of stored pairs holds every stored pair; review band.
    JsonNode matching = report.get("matching");
    long stored = Sql.count(jdbi, "select count(*) from hcp.match_pair");
    assertThat(stored).isPositive();
    assertThat(matching.get("stored").asLong()).isEqualTo(stored);
    assertThat(sum(matching.get("storedHistogram"), "pairs")).isEqualTo(stored);
    assertThat(sum(matching.get("storedHistogram"), "match")
        + sum(matching.get("storedHistogram"), "review")).isEqualTo(stored);
    assertThat(matching.get("reviews").asLong()).isEqualTo(Sql.count(jdbi,
        "select count(*) from hcp.match_pair where decision = 'review'"));
    assertThat(matching.get("matches").asLong()).isEqualTo(Sql.count(jdbi,
        "select count(*) from hcp.match_pair where decision = 'match'"));
    assertThat(matching.get("hardRuleMatches").asLong()).isEqualTo(Sql.count(jdbi,
        "select count(*) from hcp.match_pair where reason <> 'score'"));
    assertThat(matching.get("reviewRecords").asLong()).isEqualTo(Sql.count(jdbi, """
        select count(*) from (select left_id from hcp.match_pair where decision = 'review'
                              union select right_id from hcp.match_pair
                              where decision = 'review') r"""));
    assertThat(sum(matching.get("scoredHistogram"), "pairs")).isGreaterThanOrEqualTo(stored);
    assertThat(matching.get("matchThreshold").asDouble())
        .isGreaterThan(matching.get("reviewThreshold").asDouble());

    // First publish: nothing to compare golden IDs with; every one is created.
    assertThat(report.at("/goldenIds/previous").asLong()).isZero();
    assertThat(report.at("/goldenIds/created").asLong())
        .isEqualTo(report.at("/totals/goldenRecords").asLong());
    assertThat(report.at("/goldenIds/churn").isNull()).isTrue();

    // Time per step: every step, timed.
    List<String> steps = new ArrayList<>();
    report.get("steps").forEach(s -> {
      steps.add(s.get("step").asText());
      assertThat(s.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
      assertThat(s.get("startedAt").asText()).isNotBlank();
    });
    // in the order they started; the steps of a pair ran at once
    assertThat(steps).hasSize(12);
    assertThat(steps.subList(0, 4)).containsExactly("ingest", "standardize", "match", "cluster");
    assertThat(steps.subList(4, 6)).containsExactlyInAnyOrder("queue", "golden");
    assertThat(steps.subList(6, 8)).containsExactlyInAnyOrder("consent", "activities");
    assertThat(steps.get(8)).isEqualTo("gate");
    assertThat(steps.subList(9, 11)).containsExactlyInAnyOrder("publish", "figures");
    assertThat(steps.get(11)).isEqualTo("report");

    // The page: charts drawn inline, nothing fetched from anywhere.
    String html = Files.readString(folder.resolve("report.html"));
    assertThat(html).contains("Run 1 of job basic: COMPLETED")
        .contains("Rejects by reason").contains("wrong number of columns");
    assertThat(html.split("<svg", -1)).hasSizeGreaterThanOrEqualTo(5); // 4 charts
    assertThat(html).containsPattern("<line[^>]*stroke-dasharray") // the thresholds
        .doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
        .doesNotContain("<link").doesNotContain("src=");

    // ./hcp360 report: the summary and where the files are.
    Cli.Result summary = Cli.run("report", "--db-url", url, "--data-dir", home.toString());
    assertThat(summary.exitCode()).as(summary.err()).isZero();
    assertThat(summary.out()).contains("Run 1 of job basic: COMPLETED, published")
        .containsPattern("rows read 13, staged 10, rejected 3 in 4 files")
        .contains("report: " + folder.resolve("report.html"))
        .contains("json:   " + folder.resolve("report.json"))
        .contains("pairs stored " + stored);
  }

  @Test
  void aFailedRunHasAReportSayingWhy() throws IOException {
    String url = TestPostgres.freshDatabaseUrl();
    Path home = dir.resolve("home");
    Path job = Fixtures.copy("basic", dir.resolve("basic")).resolve("job.yaml");
    Jdbi jdbi = Jdbi.create(url);
    assertThat(Cli.run("run", "--job", job.toString(), "--db-url", url, "--data-dir",
        home.toString()).exitCode()).isZero();
    jdbi.useHandle(h -> h.execute("alter table hcp.golden_member rename to golden_member_away"));
    Cli.Result failed = Cli.run("run", "--job", job.toString(), "--db-url", url, "--data-dir",
        home.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).contains("report: " + home.resolve("runs/2/report.html"));

    JsonNode report = JSON.readTree(home.resolve("runs/2/report.json").toFile());
    assertThat(report.get("status").asText()).isEqualTo("FAILED");
    assertThat(report.get("published").asBoolean()).isFalse();
    assertThat(report.get("failures").toString()).contains("golden_member");
    List<String> steps = new ArrayList<>();
    report.get("steps").forEach(s -> steps.add(s.get("step").asText() + " "
        + s.get("status").asText()));
    // in the order they started: the queue and golden steps ran at once
    assertThat(steps).hasSize(6);
    assertThat(steps.subList(0, 4)).containsExactly("ingest COMPLETED", "standardize COMPLETED",
        "match COMPLETED", "cluster COMPLETED");
    assertThat(steps.subList(4, 6)).containsExactlyInAnyOrder("queue COMPLETED", "golden FAILED");
    // Figures of the steps it did not complete are left out, not taken from the last run.
    assertThat(report.get("matching").isNull()).isFalse();
    assertThat(report.at("/totals/goldenRecords").isNull()).isTrue();
    assertThat(report.get("goldenIds").isNull()).isTrue();
    assertThat(Files.readString(home.resolve("runs/2/report.html")))
        .contains("not published").contains("golden_member");

    Cli.Result summary = Cli.run("report", "--db-url", url, "--data-dir", home.toString());
    assertThat(summary.out()).contains("Run 2 of job basic: FAILED, not published")
        .contains("why: ").contains("golden_member");
    assertThat(Cli.run("report", "--run", "1", "--db-url", url).out())
        .contains("Run 1 of job basic: COMPLETED, published");
  }

  private static long sum(JsonNode bins, String field) {
    long sum = 0;
    for (JsonNode bin : bins) {
      sum += bin.get(field).asLong();
    }
    return sum;
  }

  private static Map<String, Long> counts(Jdbi jdbi, String sql) {
    Map<String, Long> counts = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery(sql).map((rs, ctx) -> Map.entry(rs.getString(1),
        rs.getLong(2))).forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum)));
    return counts;
  }
}
