package io.hcp360.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An analyst role limited to one market sees that market only, and no internal table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketRowLevelSecurityIT {
  private Jdbi owner;
  private Jdbi analyst;

  @BeforeAll
  void publishTheSamplesAndCreateAGermanAnalyst() {
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result run = Cli.run("run", "--job",
        Fixtures.repositoryRoot().resolve("jobs/nightly.yaml").toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.err()).isZero();
    owner = Jdbi.create(url);
    // The README's recipe, as a steward would type it.
    owner.useHandle(h -> {
      if (h.createQuery("select count(*) from pg_roles where rolname = 'analyst_de'")
          .mapTo(Integer.class).one() == 0) {
        h.execute("create role analyst_de login password 'secret'");
      }
      h.execute("grant usage on schema publish to analyst_de");
      h.execute("grant select on all tables in schema publish to analyst_de");
      h.execute("insert into publish.analyst_market (role_name, market) values ('analyst_de', 'DE')");
    });
    analyst = Jdbi.create(url.replace("user=postgres", "user=analyst_de"));
  }

  @Test
  void theOwnerSeesEveryMarket() {
    assertThat(Sql.strings(owner, "select distinct country from publish.hcp"))
        .contains("DE", "US", "FR");
  }

  @Test
  void theGermanAnalystSeesGermanHcpsOnly() {
    assertThat(Sql.strings(analyst, "select distinct country from publish.hcp"))
        .containsExactly("DE");
    assertThat(Sql.count(analyst, "select count(*) from publish.hcp")).isEqualTo(
        Sql.count(owner, "select count(*) from publish.hcp where country = 'DE'"));
  }

  @Test
  void crossReferencesAndLineageFollowTheirHcpsMarket() {
    long visible = Sql.count(analyst, "select count(*) from publish.hcp_xref");
    assertThat(visible).isPositive().isEqualTo(Sql.count(owner, """
        select count(*) from publish.hcp_xref x join publish.hcp h using (golden_id)
        where h.country = 'DE'"""));
    assertThat(Sql.count(analyst, """
        select count(*) from publish.hcp_lineage l
        where not exists (select 1 from publish.hcp h where h.golden_id = l.golden_id)"""))
        .isZero();
  }

  @Test
  void theInternalSchemaIsClosed() {
    assertThatThrownBy(() -> Sql.count(analyst, "select count(*) from hcp.party"))
        .hasMessageContaining("permission denied");
  }
}
