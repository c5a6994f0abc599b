package io.hcp360.golden;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The golden step of an incremental run builds only the regrouped clusters' golden records,
 * unless the survivorship rules changed since the golden records were built: then it builds
 * them all, and publishes what a first run with the new rules publishes.
 */
class SurvivorshipChangeIT {
  @TempDir Path dir;

  @Test
  void changedSurvivorshipRulesRebuildEveryGoldenRecord() throws IOException {
    Path copy = Fixtures.copy("review-band", dir.resolve("a"));
    String url = TestPostgres.freshDatabaseUrl();
    Jdbi jdbi = Jdbi.create(url);
    run(copy, url);
    run(copy, url);
    assertThat(goldenMode(jdbi)).isEqualTo("incremental");
    List<String> before = published(jdbi);

    Path rules = copy.resolve("rules/survivorship.yaml");
    Files.writeString(rules, Files.readString(rules)
        .replace("  first_name: most_complete", "  first_name: source_priority")
        .replace("  last_name: most_frequent", "  last_name: source_priority"));
    run(copy, url);

    assertThat(goldenMode(jdbi)).isEqualTo("full");
    List<String> after = published(jdbi);
    assertThat(after).as("the new rules choose other values").isNotEqualTo(before);
    String fresh = TestPostgres.freshDatabaseUrl();
    run(copy, fresh);
    assertThat(after).as("as a first run with the new rules").isEqualTo(published(
        Jdbi.create(fresh)));
  }

  private static void run(Path copy, String url) {
    Cli.Result r = Cli.run("run", "--job", copy.resolve("job.yaml").toString(), "--db-url", url);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  private static String goldenMode(Jdbi jdbi) {
    return Sql.string(jdbi, "select golden_mode from hcp.run order by run_id desc limit 1");
  }

  private static List<String> published(Jdbi jdbi) {
    return Sql.strings(jdbi, "select (to_jsonb(h) - 'run_id')::text as r from publish.hcp h"
        + " order by r");
  }
}
