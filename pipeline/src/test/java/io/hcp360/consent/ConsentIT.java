package io.hcp360.consent;

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
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * fixtures/consent: two systems, a US (opt-out) and a DE (opt-in) market, expectations computed
 * by hand. John Smith (crm/A1 = email/S1, US), Anna Mueller (crm/A2 = email/S2, DE), Peter Jones
 * (US) and Klaus Weber (DE) without consent, Marie Dupont (FR, no market file), and one flag for
 * an account that does not exist (A9).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentIT {
  private Jdbi jdbi;
  private Cli.Result run;

  @BeforeAll
  void runTheJob() {
    String url = TestPostgres.freshDatabaseUrl();
    run = Cli.run("run", "--job", Fixtures.path("consent/job.yaml").toString(), "--db-url", url);
    jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin())
        .installPlugin(new PostgresPlugin());
  }

  /** "channel/purpose eligible reason" of the golden HCP of a crm account, in order. */
  private List<String> answers(String account) {
    return jdbi.withHandle(h -> h.createQuery("""
        select e.channel || '/' || e.purpose || ' ' || e.eligible || ' ' || e.reason
        from publish.channel_eligibility e
        join publish.hcp_xref x on x.golden_id = e.golden_id
        where x.source = 'crm' and x.source_id = :account
        order by e.channel, e.purpose""").bind("account", account).mapTo(String.class).list());
  }

  private String evidence(String account, String channel, String purpose) {
    return jdbi.withHandle(h -> h.createQuery("""
        select e.evidence::text from publish.channel_eligibility e
        join publish.hcp_xref x on x.golden_id = e.golden_id
        where x.source = 'crm' and x.source_id = :account and e.channel = :channel
          and e.purpose = :purpose""")
        .bind("account", account).bind("channel", channel).bind("purpose", purpose)
        .mapTo(String.class).one());
  }

  @Test
  void runsWithTheConsentStep() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("(?m)^  consent\\s+\\d+\\.\\d s$");
    assertThat(Sql.strings(jdbi, "select source_id from publish.hcp_xref"
        + " where golden_id in (select golden_id from publish.hcp_xref where source_id = 'A1')"
        + " order by 1")).as("the fixture relies on crm/A1 and email/S1 matching")
        .containsExactly("A1", "S1");
  }

  @Test
  void usOptOutAtTheSameTimeAsAnOptInWinsAndAFlagWithoutPurposeCoversEveryPurpose() {
    assertThat(answers("A1")).containsExactly(
        "email/medical true opt-out market, no opt-out",
        "email/promotional false opt-out by email/S1 on 2025-01-10",
        "phone/medical false opt-out by crm/A1 on 2025-02-01",
        "phone/promotional false opt-out by crm/A1 on 2025-02-01");
    assertThat(evidence("A1", "email", "promotional")).isEqualTo("""
        [{"file": "subscribers.csv", "line": 2, "source": "email", "status": "opt_out", \
        "source_id": "S1", "stated_at": "2025-01-10T09:00:00Z"}, \
        {"file": "flags.csv", "line": 2, "source": "crm", "status": "opt_in", \
        "source_id": "A1", "stated_at": "2025-01-10T09:00:00Z"}]""");
  }

  @Test
  void deNeedsAnOptInTheLatestWinsAndAVisitOptInExpiresAfterTwelveMonths() {
    assertThat(answers("A2")).containsExactly(
        "email/medical false no consent on record in an opt-in market",
        "email/promotional true opt-in by crm/A2 on 2025-03-01",
        "visit/medical false opt-in by crm/A2 on 2022-01-01 expired on 2023-01-01",
        "visit/promotional false no consent on record in an opt-in market");
    assertThat(evidence("A2", "email", "promotional")).isEqualTo("""
        [{"file": "flags.csv", "line": 4, "source": "crm", "status": "opt_in", \
        "source_id": "A2", "stated_at": "2025-03-01T12:00:00Z"}, \
        {"file": "subscribers.csv", "line": 3, "source": "email", "status": "opt_out", \
        "source_id": "S2", "stated_at": "2025-02-01T00:00:00Z"}]""");
  }

  @Test
  void withoutAnyConsentTheMarketDecides() {
    assertThat(answers("A3")).hasSize(4).allMatch(a -> a.endsWith("true opt-out market, no opt-out"));
    assertThat(answers("A4")).hasSize(4)
        .allMatch(a -> a.endsWith("false no consent on record in an opt-in market"));
  }

  @Test
  void anHcpWhoseCountryHasNoMarketFileGetsNoRowsAndIsReported() {
    assertThat(answers("A5")).isEmpty();
    assertThat(Sql.count(jdbi, "select count(*) from hcp.channel_eligibility")).isEqualTo(16);
    assertThat(Sql.count(jdbi, "select count(*) from publish.channel_eligibility")).isEqualTo(16);
  }

  @Test
  void aFactForAnUnknownPartyIsKeptWithItsFileAndLine() {
    assertThat(Sql.strings(jdbi, "select system || '/' || file_name || ':' || line || ' '"
        + " || party_source_id from hcp.unlinked_consent")).containsExactly("crm/flags:6 A9");
  }

  @Test
  void runningTheStepAgainGivesTheSameRows() {
    String all = "select string_agg(golden_id || channel || purpose || eligible || reason"
        + " || evidence::text || market, '|' order by golden_id, channel, purpose)"
        + " from hcp.channel_eligibility";
    String before = Sql.string(jdbi, all);
    JobConfig job = JobConfigLoader.load(Fixtures.path("consent/job.yaml"));
    long runId = Sql.count(jdbi, "select max(run_id) from hcp.run");
    new ConsentStage().run(new RunContext(runId, job, RuleSetLoader.load(job.rules()), jdbi));
    assertThat(Sql.string(jdbi, all)).isEqualTo(before);
    assertThat(Sql.count(jdbi, "select count(*) from hcp.unlinked_consent")).isEqualTo(1);
  }
}
