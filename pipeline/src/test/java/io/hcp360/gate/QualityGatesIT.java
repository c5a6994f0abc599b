package io.hcp360.gate;

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
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run over a quality gate's limit does not publish; the previous publish stays. */
class QualityGatesIT {
  @TempDir Path dir;

  /** Everything analysts see, as text: the same before and after a stopped run. */
  private static List<String> published(Jdbi jdbi) {
    return Sql.strings(jdbi, """
        select 'xref ' || source || '/' || source_id || '=' || golden_id || ' run ' || run_id
          from publish.hcp_xref
        union all select 'hcp ' || golden_id || ' ' || coalesce(last_name, '') || ' run '
          || run_id from publish.hcp
        union all select 'activity ' || activity_id || ' ' || golden_id from publish.activity_log
        union all select 'published run ' || run_id from publish.published_run
        union all select 'history ' || golden_id || ' ' || event || ' run ' || run_id
          from publish.golden_id_history
        union all select 'resolution ' || requested_id || '>' || current_id
          from publish.golden_id_resolution
        union all select 'list version ' || version_id || ' ' || brand || ' ' || market || ' '
          || members from publish.hcp360_list_version
        union all select 'current list ' || brand || ' ' || market || ' ' || version_id
          from publish.hcp360_current
        union all select 'list member ' || version_id || ' ' || golden_id
          from publish.hcp360_list_member
        order by 1""");
  }

  private static Cli.Result run(Path job, String url, Path home, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--job", job.toString(),
        "--db-url", url, "--data-dir", home.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void aRejectRateOverTheLimitStopsThePublishUntilTheStewardAcceptsIt() throws IOException {
    Path job = Fixtures.copy("basic", dir.resolve("basic")).resolve("job.yaml");
    Files.writeString(job, Files.readString(job) + "gates: {max_reject_rate: 0.05}\n");
    String url = TestPostgres.freshDatabaseUrl();
    Path home = dir.resolve("home");
    Jdbi jdbi = Jdbi.create(url);
    assertThat(run(job, url, home).exitCode()).isZero();
    List<String> before = published(jdbi);
    assertThat(before).anyMatch(r -> r.startsWith("xref crm/001A=HCP"));

    // Tomorrow's accounts: a new doctor, and 2 broken rows of 15: 13.3 % rejected.
    Path accounts = job.resolveSibling("crm_accounts.csv");
    Files.writeString(accounts, Files.readString(accounts)
        + "001H,Paul,Newman,,paul.newman@example.com,2025-04-01T00:00:00Z,A\n"
        + "001E,Too,Many,Columns,x@example.com,2025-01-01T00:00:00Z,A,extra\n"
        + "001F,Also,Too,Many,y@example.com,2025-01-01T00:00:00Z,A,extra\n");
    Cli.Result stopped = run(job, url, home);
    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(stopped.out()).contains("Run 2 of job basic: FAILED")
        .contains("quality gate max_reject_rate: 15.4 % of rows rejected (2 of 13), over the"
            + " limit 5.0 %").contains("the previous publish stays")
        .contains("--accept-gates");
    assertThat(published(jdbi)).isEqualTo(before);
    assertThat(Sql.count(jdbi, "select count(*) from hcp.run where published_at is not null"))
        .isEqualTo(1);

    // The report says which gate, what was measured and the limit.
    JsonNode report = new ObjectMapper().readTree(home.resolve("runs/2/report.json").toFile());
    assertThat(report.get("published").asBoolean()).isFalse();
    assertThat(report.get("failures").toString()).contains("quality gate max_reject_rate");
    JsonNode gate = report.get("gates").get(0);
    assertThat(gate.get("gate").asText()).isEqualTo("max_reject_rate");
    assertThat(gate.get("limit").asDouble()).isEqualTo(0.05);
    assertThat(gate.get("measured").asDouble()).isEqualTo(2.0 / 13);
    assertThat(gate.get("passed").asBoolean()).isFalse();
    assertThat(Files.readString(home.resolve("runs/2/report.html")))
        .contains("STOPPED THE PUBLISH").contains("15.4 %");

    // The next plain run does not resume into publishing it: a new run, stopped again.
    Cli.Result again = run(job, url, home);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).contains("Run 3 of job basic: FAILED");
    assertThat(published(jdbi)).isEqualTo(before);

    // The steward accepts: the stopped run resumes and publishes as it is.
    Cli.Result accepted = run(job, url, home, "--accept-gates");
    assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
    assertThat(accepted.out()).contains("Run 3 of job basic: COMPLETED (resumed after a failure)");
    assertThat(Sql.strings(jdbi, "select source_id from publish.hcp_xref order by 1"))
        .contains("001H");
    assertThat(Sql.string(jdbi, "select accepted::text || ' ' || passed::text"
        + " from hcp.gate_check where run_id = 3 and gate = 'max_reject_rate'"))
        .isEqualTo("true false");
    assertThat(Cli.run("report", "--db-url", url).out())
        .contains("Run 3 of job basic: COMPLETED, published")
        .contains("OVER, ACCEPTED: 15.4 % of rows rejected");
  }

  @Test
  void goldenIdChurnOverTheLimitStopsThePublish() throws IOException {
    Path job = Fixtures.copy("basic", dir.resolve("basic")).resolve("job.yaml");
    Files.writeString(job, Files.readString(job) + "gates: {max_golden_id_churn: 0.10}\n");
    String url = TestPostgres.freshDatabaseUrl();
    Path home = dir.resolve("home");
    Jdbi jdbi = Jdbi.create(url);
    assertThat(run(job, url, home).exitCode()).isZero();
    List<String> before = published(jdbi);

    // The CRM's Maria Garcia (a golden HCP of her own: the MDM's is in Spain) disappears and
    // two new doctors arrive: against 5 published golden IDs, 1 retired and 2 new: churn 60 %.
    Path accounts = job.resolveSibling("crm_accounts.csv");
    Files.writeString(accounts, Files.readString(accounts).replaceAll("(?m)^001C,.*\\n", "")
        + "001H,Paul,Newman,,paul.newman@example.com,2025-04-01T00:00:00Z,A\n"
        + "001I,Grace,Hopper,,grace.hopper@example.com,2025-04-01T00:00:00Z,A\n");
    Cli.Result stopped = run(job, url, home);
    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(stopped.out()).contains("quality gate max_golden_id_churn: 60.0 % golden-ID churn"
        + " (2 new and 1 retired against 5 published), over the limit 10.0 %");
    assertThat(published(jdbi)).isEqualTo(before);
    assertThat(Sql.string(jdbi, "select kept_ids || ' ' || new_ids || ' ' || retired_ids"
        + " from hcp.publish_change where run_id = 2")).isEqualTo("4 2 1");
  }

  @Test
  void aListThatLosesTooManyMembersStopsThePublishBeforeItCommits() throws IOException {
    Path job = Fixtures.copy("activity", dir.resolve("activity")).resolve("job.yaml");
    Files.writeString(job.resolveSibling("crm_accounts.csv"), """
        Id,FirstName,LastName,NPI__c,Email,Team
        A1,John,Smith,1234567893,john.smith@example.com,Cardiozen
        A2,Maria,Garcia,,maria.garcia@example.es,
        A3,Anna,Müller,,anna@example.de,Cardiozen
        """);
    Files.writeString(job, Files.readString(job)
        .replace("          required: [last_name]\n", "          required: [last_name]\n"
            + "          extras: {brand_team: Team}\n")
        + "lists:\n"
        + "  - {brand: Cardiozen, markets: [US], targeting: brand_team}\n"
        + "gates: {max_published_drop: 0.2}\n");
    String url = TestPostgres.freshDatabaseUrl();
    Path home = dir.resolve("home");
    Jdbi jdbi = Jdbi.create(url);
    assertThat(run(job, url, home).exitCode()).isZero();
    assertThat(Sql.strings(jdbi, "select last_name from publish.hcp360_list order by 1"))
        .containsExactly("Garcia", "Müller", "Smith");
    List<String> before = published(jdbi);

    // The Cardiozen team drops Anna Müller: 3 members to 2, a drop of 33 %.
    Files.writeString(job.resolveSibling("crm_accounts.csv"), """
        Id,FirstName,LastName,NPI__c,Email,Team
        A1,John,Smith,1234567893,john.smith@example.com,Cardiozen
        A2,Maria,Garcia,,maria.garcia@example.es,
        A3,Anna,Müller,,anna@example.de,
        """);
    Cli.Result stopped = run(job, url, home);
    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(stopped.out()).contains("quality gate max_published_drop: 33.3 % fewer HCPs on"
        + " the Cardiozen list in US (3 published, 2 now), over the limit 20.0 %");
    assertThat(published(jdbi)).isEqualTo(before);
    assertThat(Sql.strings(jdbi, "select gate || ' ' || passed from hcp.gate_check"
        + " where run_id = 2 order by gate")).containsExactly(
            "max_golden_id_churn true", "max_published_drop false", "max_reject_rate true");
    JsonNode report = new ObjectMapper().readTree(home.resolve("runs/2/report.json").toFile());
    assertThat(report.get("steps").toString()).contains("\"step\":\"publish\",\"status\":"
        + "\"FAILED\"");
    assertThat(report.get("failures").toString()).contains("Cardiozen list in US");

    // Accepted, it publishes the smaller list as a new version.
    assertThat(run(job, url, home, "--accept-gates").exitCode()).isZero();
    assertThat(Sql.strings(jdbi, "select last_name from publish.hcp360_list order by 1"))
        .containsExactly("Garcia", "Smith");
    JsonNode accepted = new ObjectMapper().readTree(home.resolve("runs/2/report.json").toFile());
    assertThat(accepted.get("lists").get(0).get("previous").asLong()).isEqualTo(3);
    assertThat(accepted.get("lists").get(0).get("current").asLong()).isEqualTo(2);
  }
}
