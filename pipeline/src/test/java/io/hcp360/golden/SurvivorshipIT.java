package io.hcp360.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.standardize.Npi;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Survivorship rules and lineage on one HCP known to the MDM and twice to the CRM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurvivorshipIT {
  @TempDir static Path dir;
  private Jdbi jdbi;

  @BeforeAll
  void run() throws IOException {
    String nine = "123456789";
    String valid = nine + Npi.checkDigit(nine);
    String invalid = nine + (Npi.checkDigit(nine) + 1) % 10;
    Files.writeString(dir.resolve("crm.csv"), """
        Id,First,Last,Cred,NPI,Email,Phone,Updated
        C1,J,Smith,DO,%1$s,new@clinic.com,+1 212 555 0100,2025-06-01
        C2,John,Smith,DO,%2$s,new@clinic.com,+1 212 555 0100,2025-09-01
        """.formatted(valid, invalid));
    Files.writeString(dir.resolve("mdm.csv"), """
        Id,First,Last,Cred,NPI,Email,Phone,Updated
        M1,John,Smyth,MD,%1$s,old@clinic.com,+1 212 555 0100,2025-01-01
        """.formatted(valid));
    String mapping = """
                party: {source_id: Id, first_name: First, last_name: Last, credential: Cred,
                        npi: NPI, email: Email, phone: Phone, country: {constant: US},
                        last_modified: Updated}
        """;
    Files.writeString(dir.resolve("job.yaml"), """
        name: survivorship
        sources:
          - system: crm
            files:
              - name: accounts
                path: crm.csv
        %1$s
          - system: mdm
            files:
              - name: master
                path: mdm.csv
        %1$s""".formatted(mapping));
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result result = Cli.run("run", "--job", dir.resolve("job.yaml").toString(),
        "--db-url", url);
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    jdbi = Jdbi.create(url);
  }

  private String lineage(String attribute) {
    return Sql.string(jdbi, "select value || ' from ' || source || '/' || source_id || ' by '"
        + " || rule from publish.hcp_lineage where attribute = '" + attribute + "'");
  }

  @Test
  void theThreeRecordsAreOneGoldenHcp() {
    assertThat(Sql.count(jdbi, "select count(distinct golden_id) from publish.hcp_xref"))
        .isEqualTo(1);
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp_xref")).isEqualTo(3);
  }

  @Test
  void eachAttributeFollowsItsRuleAndRecordsWhereItCameFrom() {
    // most_complete: a full first name over an initial; the tie goes to the most recent.
    assertThat(lineage("first_name")).isEqualTo("John from crm/C2 by most_complete");
    // most_frequent: two records say Smith.
    assertThat(lineage("last_name")).isEqualTo("Smith from crm/C2 by most_frequent");
    // source_priority: the MDM comes first.
    assertThat(lineage("credential")).isEqualTo("MD from mdm/M1 by source_priority");
    // most_recent.
    assertThat(lineage("email")).isEqualTo("new@clinic.com from crm/C2 by most_recent");
    // valid_only: the most recent record's NPI has a bad check digit and never survives.
    assertThat(lineage("npi")).endsWith(" by most_frequent+valid_only")
        .doesNotContain("crm/C2");
    assertThat(Sql.string(jdbi, "select npi from publish.hcp")).matches("\\d{10}")
        .satisfies(npi -> assertThat(Npi.isValid(npi)).isTrue());
  }

  @Test
  void lineageKeepsTheSourceRecordsTime() {
    assertThat(Sql.string(jdbi, "select source_updated::date::text from publish.hcp_lineage"
        + " where attribute = 'credential'")).isEqualTo("2025-01-01");
  }

  @Test
  void theGoldenRecordHoldsTheSurvivingValues() {
    assertThat(Sql.string(jdbi, "select concat_ws(' ', first_name, last_name, credential, email)"
        + " from publish.hcp")).isEqualTo("John Smith MD new@clinic.com");
  }
}
