package io.hcp360.consent;

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

/** The samples job with the shipped market rules (jobs/markets). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplesConsentIT {
  private Jdbi jdbi;
  private Cli.Result run;

  @BeforeAll
  void runTheNightlyJob() {
    String url = TestPostgres.freshDatabaseUrl();
    run = Cli.run("run", "--job", Fixtures.repositoryRoot().resolve("jobs/nightly.yaml").toString(),
        "--db-url", url);
    jdbi = Jdbi.create(url);
  }

  @Test
  void everyGoldenHcpHasOneRowPerChannelAndPurposeOfItsMarket() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, MarketRules> markets =
        MarketRulesLoader.load(Fixtures.repositoryRoot().resolve("jobs/markets"));
    assertThat(Sql.strings(jdbi, "select distinct country from publish.hcp"))
        .isNotEmpty().allMatch(markets::containsKey);
    long expected = 0;
    for (MarketRules market : markets.values()) {
      long hcps = jdbi.withHandle(h -> h.createQuery(
          "select count(*) from publish.hcp where country = :c").bind("c", market.market())
          .mapTo(Long.class).one());
      expected += hcps * market.channels().size() * market.purposes().size();
    }
    assertThat(Sql.count(jdbi, "select count(*) from publish.channel_eligibility"))
        .isEqualTo(expected);
    assertThat(Sql.count(jdbi, """
        select count(*) from publish.channel_eligibility e join publish.hcp h using (golden_id)
        where e.market is distinct from h.country""")).isZero();
  }

  @Test
  void everyConsentFactOfTheSamplesIsEvidenceOrUnlinked() {
    long facts = Sql.count(jdbi, "select count(*) from hcp.staged_consent");
    assertThat(facts).isPositive();
    long cited = Sql.count(jdbi, """
        select count(distinct (ev->>'source', ev->>'file', ev->>'line'))
        from publish.channel_eligibility, jsonb_array_elements(evidence) ev""");
    long unlinked = Sql.count(jdbi, "select count(*) from hcp.unlinked_consent");
    assertThat(cited + unlinked).isEqualTo(facts);
  }

  @Test
  void optOutsInTheUsAndOptInsInEuropeDecide() {
    assertThat(Sql.count(jdbi, """
        select count(*) from publish.channel_eligibility
        where market = 'US' and not eligible and reason not like 'opt-out by %'""")).isZero();
    assertThat(Sql.count(jdbi, """
        select count(*) from publish.channel_eligibility
        where market <> 'US' and eligible and reason not like 'opt-in by %'""")).isZero();
    assertThat(Sql.count(jdbi, "select count(*) from publish.channel_eligibility"
        + " where market = 'GB' and eligible")).isPositive();
  }

  @Test
  void theReadmeExampleHolds() {
    List<String> answers = jdbi.withHandle(h -> h.createQuery("""
        select e.channel || '/' || e.purpose || ' ' || e.reason
        from publish.channel_eligibility e join publish.hcp_xref x using (golden_id)
        where x.source = 'email' and x.source_id = 'SUB000000002'""").mapTo(String.class).list());
    assertThat(answers).hasSize(15)
        .contains("email/promotional opt-in by email/SUB000000002 on 2022-12-05 expired on"
            + " 2024-12-05");
  }
}
