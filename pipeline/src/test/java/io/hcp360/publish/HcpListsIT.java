package io.hcp360.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.config.JobConfig;
import io.hcp360.config.JobConfigLoader;
import io.hcp360.gate.QualityGates;
import io.hcp360.match.rules.RuleSetLoader;
import io.hcp360.run.RunContext;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned HCP 360 lists per brand and market. */
class HcpListsIT {
  @TempDir Path dir;

  /** The members of every version, as analysts read them. */
  private static final String EVERY_VERSION = """
      select m.version_id || ' ' || (to_jsonb(m) - 'version_id')::text
      from publish.hcp360_list_member m order by 1""";

  /**
   * The activity fixture with three lists: A1 (Smith) is targeted by the Cardiozen team; A2
   * (Garcia) had a Cardiozen call; A3's call has no product; S2 (Wei Chen) was emailed about
   * Oncovia.
   */
  private Path listsJob() throws IOException {
    Path job = Fixtures.copy("activity", dir.resolve("activity")).resolve("job.yaml");
    Files.writeString(job.resolveSibling("crm_accounts.csv"), """
        Id,FirstName,LastName,NPI__c,Email,Team
        A1,John,Smith,1234567893,john.smith@example.com,Cardiozen
        A2,Maria,Garcia,,maria.garcia@example.es,
        A3,Anna,Müller,,anna@example.de,
        """);
    String text = Files.readString(job)
        .replace("          required: [last_name]\n", "          required: [last_name]\n"
            + "          extras: {brand_team: Team}\n")
        + "lists:\n"
        + "  - {brand: Cardiozen, markets: [US], targeting: brand_team}\n"
        + "  - {brand: Oncovia, markets: [US, DE]}\n";
    Files.writeString(job, text);
    return job;
  }

  /** The next night's extracts: Garcia's email changes; Müller has an Oncovia call. */
  private static void changeTwoMembers(Path job) throws IOException {
    Path accounts = job.resolveSibling("crm_accounts.csv");
    Files.writeString(accounts, Files.readString(accounts)
        .replace("maria.garcia@example.es", "maria.garcia@example.com"));
    Path calls = job.resolveSibling("crm_calls.csv");
    Files.writeString(calls, Files.readString(calls)
        + "C5,A3,2025-03-05 10:00,2025-03-05 12:00,F2F,Oncovia\n");
  }

  private static void run(Path job, String url, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--job", job.toString(), "--db-url", url));
    args.addAll(List.of(more));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  /** Brand, market and last name of the rows that a run's versions opened (or closed). */
  private static List<String> rows(Jdbi jdbi, String version, long runId) {
    return Sql.strings(jdbi, "select brand || ' ' || market || ' ' || last_name"
        + " from publish.hcp360_list_row where " + version + " in (select version_id"
        + " from publish.hcp360_list_version where run_id = " + runId + ") order by 1");
  }

  @Test
  void membersComeFromBrandTargetingAndActivitiesAndEveryVersionStaysQueryable()
      throws IOException {
    Path job = listsJob();
    String url = TestPostgres.freshDatabaseUrl();
    Jdbi jdbi = Jdbi.create(url);
    assertThat(Cli.run("run", "--job", job.toString(), "--db-url", url).exitCode()).isZero();

    assertThat(Sql.strings(jdbi, "select brand || ' ' || market || ' ' || last_name"
        + " from publish.hcp360_list order by 1")).containsExactly(
            "Cardiozen US Garcia", "Cardiozen US Smith", "Oncovia US Chen");
    assertThat(Sql.strings(jdbi, "select brand || ' ' || market || ' ' || members"
        + " from publish.hcp360_list_version order by version_id")).containsExactly(
            "Cardiozen US 2", "Oncovia US 1", "Oncovia DE 0");

    // A second run while a reader keeps reading: the reader sees one whole version at a time.
    AtomicBoolean publishing = new AtomicBoolean(true);
    List<String> seen = new ArrayList<>();
    Thread reader = new Thread(() -> {
      for (int i = 0; i < 20_000 && publishing.get(); i++) {
        seen.add(Sql.string(jdbi, """
            select count(distinct m.version_id) || ':' || count(*) || ':' || max(v.members)
            from publish.hcp360_list m join publish.hcp360_list_version v using (version_id)
            where m.brand = 'Cardiozen' and m.market = 'US'"""));
      }
    });
    reader.start();
    assertThat(Cli.run("run", "--job", job.toString(), "--db-url", url).exitCode()).isZero();
    publishing.set(false);
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo("1:2:2"));
    assertThat(Sql.strings(jdbi, "select distinct run_id::text from publish.hcp360_list_version"
        + " order by 1")).containsExactly("1", "2");
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp360_list_member m"
        + " join publish.hcp360_list_version v using (version_id) where v.run_id = 1"))
        .as("the previous version stays queryable").isEqualTo(3);
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp360_list")).isEqualTo(3);
  }

  @Test
  void anIncrementalNightWritesTheRowsOfTheChangedMembersOnlyAndEveryVersionReadsTheSame()
      throws IOException {
    Path job = listsJob();
    String url = TestPostgres.freshDatabaseUrl();
    Jdbi jdbi = Jdbi.create(url);
    run(job, url);
    List<String> night1 = Sql.strings(jdbi, EVERY_VERSION);
    assertThat(night1).hasSize(3);
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp360_list_row")).isEqualTo(3);

    changeTwoMembers(job);
    run(job, url);
    assertThat(Sql.string(jdbi, "select list_mode from hcp.run where run_id = 2"))
        .isEqualTo("incremental");
    assertThat(rows(jdbi, "from_version", 2)).as("rows written by night 2")
        .containsExactly("Cardiozen US Garcia", "Oncovia US Müller");
    assertThat(rows(jdbi, "until_version", 2)).as("rows closed by night 2")
        .containsExactly("Cardiozen US Garcia");
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp360_list_row")).isEqualTo(5);
    assertThat(Sql.strings(jdbi, EVERY_VERSION)).as("night 1's versions read back the same")
        .containsAll(night1).hasSize(7);
    assertThat(Sql.strings(jdbi, "select brand || ' ' || market || ' ' || last_name || ' '"
        + " || email from publish.hcp360_list order by 1")).containsExactly(
            "Cardiozen US Garcia maria.garcia@example.com",
            "Cardiozen US Smith john.smith@example.com",
            "Oncovia US Chen wei.chen@example.org",
            "Oncovia US Müller anna@example.de");

    // A full run over the same extracts computes every member: the same ones, no row written.
    String night2 = """
        select v.brand || ' ' || v.market || ' ' || coalesce((to_jsonb(m) - 'version_id')::text,
          'no member') || ' ' || v.members
        from publish.hcp360_list_version v
        left join publish.hcp360_list_member m using (version_id)
        where v.run_id = %d order by 1""";
    run(job, url, "--full");
    assertThat(Sql.string(jdbi, "select list_mode from hcp.run where run_id = 3"))
        .isEqualTo("full");
    assertThat(Sql.strings(jdbi, night2.formatted(3)))
        .isEqualTo(Sql.strings(jdbi, night2.formatted(2))).hasSize(5);
    assertThat(Sql.count(jdbi, "select count(*) from publish.hcp360_list_row")).isEqualTo(5);
    assertThat(Sql.strings(jdbi, EVERY_VERSION)).containsAll(night1).hasSize(11);
  }

  @Test
  void aPublishRunAgainReplacesItsVersionsRowsAndLeavesTheEarlierVersionsAsTheyWere()
      throws IOException {
    Path job = listsJob();
    String url = TestPostgres.freshDatabaseUrl();
    Jdbi jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin())
        .installPlugin(new PostgresPlugin());
    run(job, url);
    changeTwoMembers(job);
    run(job, url);
    List<String> versions = Sql.strings(jdbi, EVERY_VERSION);
    String rows = "select (to_jsonb(r))::text from publish.hcp360_list_row r order by 1";
    List<String> stored = Sql.strings(jdbi, rows);
    assertThat(stored).hasSize(5);

    // Run 2's versions exist while run 1 is the published one: what a publish run again after
    // its versions were written meets. As if that first attempt had computed Smith's row
    // otherwise: it closed his row of night 1 and opened another.
    jdbi.useHandle(h -> {
      h.execute("update publish.published_run set run_id = 1");
      h.execute("""
          update publish.hcp360_list_row set until_version = (select version_id
            from publish.hcp360_list_version where run_id = 2 and brand = 'Cardiozen')
          where last_name = 'Smith' and until_version is null""");
      h.execute("""
          insert into publish.hcp360_list_row
          select brand, market, golden_id, first_name, middle_name, 'Smith-Jones', credential,
            specialty, npi, email, phone, city, postal_code, last_contact, last_contact_at,
            activities_90d, channels_engaged, eligibility, until_version, null
          from publish.hcp360_list_row where last_name = 'Smith'""");
    });
    assertThat(Sql.strings(jdbi, EVERY_VERSION)).isNotEqualTo(versions);

    // Run again, the publish clears them (deletes the rows they opened, opens the rows they
    // closed again) and publishes them anew: Smith's row of night 1 is current again.
    JobConfig config = JobConfigLoader.load(job);
    new PublishStage(new QualityGates(config.gates(), false))
        .run(new RunContext(2, config, RuleSetLoader.load(config.rules()), jdbi, true));
    assertThat(Sql.strings(jdbi, "select distinct run_id::text from publish.hcp360_list_version"
        + " order by 1")).as("no new version").containsExactly("1", "2");
    assertThat(Sql.strings(jdbi, EVERY_VERSION)).isEqualTo(versions);
    assertThat(Sql.strings(jdbi, rows)).isEqualTo(stored);
  }
}
