package io.hcp360.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The checked-in samples through every step of the nightly job. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplesIT {
  private final Path root = Fixtures.repositoryRoot();
  private Jdbi jdbi;
  private Cli.Result run;

  @BeforeAll
  void runTheNightlyJobOnTheSamples() {
    String url = TestPostgres.freshDatabaseUrl();
    run = Cli.run("run", "--job", root.resolve("jobs/nightly.yaml").toString(), "--db-url", url);
    jdbi = Jdbi.create(url);
  }

  @Test
  void theRunCompletesAndEndsWithItsSummary() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Run 1 of job nightly: COMPLETED")
        .contains("crm/accounts").contains("mdm/hcp_master").contains("events/registrations")
        .contains("email/subscribers").contains("samples/requests")
        .containsPattern("golden records\\s+[1-9]");
    for (String step : List.of("ingest", "standardize", "match", "cluster", "golden", "activities",
        "publish")) {
      assertThat(run.out()).containsPattern("(?m)^  " + step + "\\s+\\d+\\.\\d s$");
    }
  }

  @Test
  void everyStagedPartyRecordIsInTheCrossReference() {
    assertThat(Sql.count(jdbi, """
        select count(*) from (select distinct system, source_id from hcp.staged_party) s
        where not exists (select 1 from publish.hcp_xref x
                          where x.source = s.system and x.source_id = s.source_id)"""))
        .isZero();
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp_xref"))
        .isEqualTo(Sql.count(jdbi,
            "select count(*) from (select distinct system, source_id from hcp.staged_party) s"));
  }

  @Test
  void everyLineOfEveryFileIsStagedOrRejected() throws IOException {
    List<Map<String, Object>> loads = jdbi.withHandle(h -> h.createQuery(
        "select path, rows_read, rows_staged, rows_rejected from hcp.file_load").mapToMap().list());
    assertThat(loads).hasSizeGreaterThanOrEqualTo(12);
    for (Map<String, Object> load : loads) {
      Path file = root.resolve("jobs").resolve((String) load.get("path")).normalize();
      // No value in the samples spans lines: every line after the header is one row.
      long lines;
      try (var stream = Files.lines(file, StandardCharsets.ISO_8859_1)) {
        lines = stream.filter(l -> !l.isBlank()).count() - 1;
      }
      assertThat(load.get("rows_read")).as(file.toString()).isEqualTo(lines);
      assertThat((long) load.get("rows_staged") + (long) load.get("rows_rejected"))
          .isEqualTo(lines);
    }
    long rejected = Sql.count(jdbi, "select count(*) from hcp.reject");
    assertThat(rejected).isEqualTo(
        Sql.count(jdbi, "select sum(rows_rejected) from hcp.file_load"));
    assertThat(rejected).as("the samples carry a few bad rows of every kind").isGreaterThan(0);
  }

  @Test
  void everyStagedActivityIsInTheActivityLogOrKeptAsUnlinked() {
    long staged = Sql.count(jdbi, "select count(*) from hcp.staged_activity");
    long duplicates = Sql.count(jdbi, """
        select count(*) - count(distinct (system, activity_type, activity_id))
        from hcp.staged_activity where activity_id is not null""");
    long linked = Sql.count(jdbi, "select count(*) from publish.activity_log");
    long unlinked = Sql.count(jdbi, "select count(*) from publish.unlinked_activity");
    assertThat(staged).isGreaterThan(1000);
    assertThat(linked).isGreaterThan(unlinked);
    assertThat(linked + unlinked).isEqualTo(staged - duplicates);
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.staged_activity s
        where not exists (
          select 1 from publish.activity_log a
          where a.source = s.system and a.activity_type = s.activity_type
            and a.source_id = s.party_source_id
            and a.activity_id is not distinct from s.activity_id
            and (s.activity_id is not null or a.occurred_at = s.occurred_at)
          union all
          select 1 from publish.unlinked_activity u
          where u.source = s.system and u.activity_type = s.activity_type
            and u.source_id = s.party_source_id
            and u.activity_id is not distinct from s.activity_id
            and (s.activity_id is not null or u.occurred_at = s.occurred_at))"""))
        .isZero();
    // Each linked activity has the golden ID of its source record.
    assertThat(Sql.count(jdbi, """
        select count(*) from publish.activity_log a
        left join publish.hcp_xref x on x.source = a.source and x.source_id = a.source_id
        where x.golden_id is distinct from a.golden_id"""))
        .isZero();
    assertThat(Sql.count(jdbi, """
        select count(*) from publish.unlinked_activity u
        join publish.hcp_xref x on x.source = u.source and x.source_id = u.source_id"""))
        .isZero();
  }

  @Test
  void theRejectsCoverEveryKindOfBadRowInTheSamples() {
    List<String> reasons = Sql.strings(jdbi, "select reason from hcp.reject");
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("wrong number of columns"));
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("broken quoting"));
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("undecodable bytes"));
    assertThat(reasons).anySatisfy(r -> assertThat(r).contains("does not parse"));
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("missing required field"));
  }

  @Test
  void everyPublishedRecordIsInTheGroundTruth() throws IOException {
    List<String> truth = Files.readAllLines(root.resolve("samples/truth.csv")).stream().skip(1)
        .map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    List<String> published = Sql.strings(jdbi,
        "select source || ',' || source_id from publish.hcp_xref");
    assertThat(truth).containsAll(published);
  }

  @Test
  void anNpiWrittenAsATypedRegistryNumberIsUsedAsTheNpi() {
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.party
        where system = 'mdm' and national_id like 'NPI:%' and npi_valid"""))
        .isGreaterThan(0);
  }

  @Test
  void everyListMemberCarriesItsChannelEligibility() {
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp360_list")).isPositive();
    assertThat(Sql.count(jdbi, """
        select count(*) from publish.hcp360_list l
        where l.eligibility is null
           or (l.eligibility ->> 'email/promotional')::boolean is distinct from
              (select e.eligible from publish.channel_eligibility e
               where e.golden_id = l.golden_id and e.channel = 'email'
                 and e.purpose = 'promotional')""")).isZero();
  }
}
