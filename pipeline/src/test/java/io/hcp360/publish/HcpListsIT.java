package io.hcp360.publish;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned HCP 360 lists per brand and market. */
class HcpListsIT {
  @TempDir Path dir;

  @Test
  void membersComeFromBrandTargetingAndActivitiesAndEveryVersionStaysQueryable()
      throws IOException {
    Path job = Fixtures.copy("activity", dir.resolve("activity")).resolve("job.yaml");
    // A1 is targeted by the Cardiozen team; A2 had a Cardiozen call; A3's call has no product;
    // S2 (Wei Chen) was emailed about Oncovia.
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
}
