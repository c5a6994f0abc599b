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

  /**
   * The consent step measures what the run changes in the published eligibility (for the run
   * report): on a first run every row is added, per channel and purpose, and none removed.
   */
  @Test
  void theEligibilityChangesAgainstTheCurrentPublishAreMeasured() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Sql.strings(jdbi, """
        select channel || '/' || coalesce(purpose, '') || ' ' || added || ' ' || removed
          || ' ' || became_eligible || ' ' || became_ineligible
        from hcp.consent_change where run_id = 1 order by 1"""))
        .isNotEmpty()
        .isEqualTo(Sql.strings(jdbi, """
            select channel || '/' || coalesce(purpose, '') || ' ' || count(*) || ' 0 0 0'
            from hcp.channel_eligibility group by channel, purpose order by 1"""));
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
        select e.channel || '/' || e.purpose || ' ' || e.eligible || ' ' || e.reason
        from publish.channel_eligibility e join publish.hcp_xref x using (golden_id)
        where x.source = 'events' and x.source_id = 'ATT-0000061'""").mapTo(String.class).list());
    assertThat(answers).hasSize(15)
        .contains("email/promotional false opt-out by events/ATT-0000061 on 2025-03-31");
    assertThat(Sql.string(jdbi, """
        select e.evidence::text
        from publish.channel_eligibility e join publish.hcp_xref x using (golden_id)
        where x.source = 'events' and x.source_id = 'ATT-0000061' and e.channel = 'email'
          and e.purpose = 'promotional'""")).isEqualTo("""
        [{"file": "../samples/events/registrations.csv", "line": 90, "source": "events", \
        "status": "opt_out", "source_id": "ATT-0000061", "stated_at": "2025-03-31T17:50:00Z"}, \
        {"file": "../samples/email/subscribers.csv", "line": 121, "source": "email", \
        "status": "opt_in", "source_id": "SUB000000120", "stated_at": "2025-03-21T15:33:00Z"}, \
        {"file": "../samples/email/subscribers.csv", "line": 122, "source": "email", \
        "status": "opt_in", "source_id": "SUB000000121", "stated_at": "2021-07-16T01:20:00Z"}]""");
  }
}
