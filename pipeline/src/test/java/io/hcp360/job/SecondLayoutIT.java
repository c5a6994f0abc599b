package io.hcp360.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A source with other column names, formats and conventions, onboarded by its YAML alone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondLayoutIT {
  private Jdbi jdbi;
  private Cli.Result run;

  @BeforeAll
  void runTheJob() {
    String url = TestPostgres.freshDatabaseUrl();
    run = Cli.run("run", "--job", Fixtures.path("second-layout/job.yaml").toString(),
        "--db-url", url);
    jdbi = Jdbi.create(url);
  }

  private Map<String, Object> party(String id) {
    return jdbi.withHandle(h -> h.createQuery("""
        select title, first_name, middle_name, last_name, suffix, credential, address_line1,
          city, country, gender, last_modified::text as last_modified
        from hcp.staged_party where source_id = :id""").bind("id", id).mapToMap().one());
  }

  @Test
  void runsAndCountsEveryRow() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("events/registrations\\s+regs.tsv\\s+3\\s+2\\s+1");
  }

  @Test
  void mapsNamesAddressesCodesAndUsDatesInTheSourceZone() {
    assertThat(party("R-1"))
        .containsEntry("title", "Dr.").containsEntry("first_name", "François")
        .containsEntry("last_name", "Dupont").containsEntry("credential", "MD")
        .containsEntry("address_line1", "1 rue de la Paix, Apt 2")
        .containsEntry("city", "Paris").containsEntry("country", "France")
        .containsEntry("gender", "male")
        .containsEntry("last_modified", "2025-03-14 18:30:00+00");
  }

  @Test
  void nullValuesAreAbsent() {
    assertThat(party("R-2")).containsEntry("address_line1", "5 Calle Mayor")
        .containsEntry("gender", "female");
  }

  @Test
  void anUnmappedCodeUnderRejectRejectsTheRow() {
    String reason = Sql.string(jdbi, "select reason from hcp.reject where line = 3");
    assertThat(reason).isEqualTo("gender: code 'X' is not in its code list");
  }

  @Test
  void oneRowCarriesAPartyAnActivityAndAConsentWhenGiven() {
    Map<String, Object> activity = jdbi.withHandle(h -> h.createQuery(
        "select activity_type, detail, occurred_at::text as at from hcp.staged_activity"
            + " where party_source_id = 'R-1'").mapToMap().one());
    assertThat(activity).containsEntry("activity_type", "event_registration")
        .containsEntry("detail", "ONC-2025").containsEntry("at", "2025-03-14 18:30:00+00");
    assertThat(Sql.strings(jdbi,
        "select party_source_id || ':' || channel || ':' || purpose || ':' || status"
            + " from hcp.staged_consent"))
        .containsExactly("R-1:email:events:opt_in");
  }

  @Test
  void everyStagedPartyRecordIsPublished() {
    assertThat(Sql.strings(jdbi,
        "select source || '/' || source_id from publish.hcp_xref order by 1")).containsExactly("events/R-1", "events/R-2");
  }
}
