package io.hcp360.match.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.config.JobConfigLoader;
import io.hcp360.match.rules.FieldSource;
import io.hcp360.match.rules.RuleSetLoader;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Collection;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Records read in several ranges at once are the records one reader reads, codes included. */
class PartyDataLoaderIT {

  @Test
  void rangesReadAtOnceGiveTheSameCodesAsOneReader() {
    Path job = Fixtures.repositoryRoot().resolve("jobs/nightly.yaml");
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result run = Cli.run("run", "--job", job.toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.err()).isZero();
    Collection<FieldSource> fields =
        RuleSetLoader.load(JobConfigLoader.load(job).rules()).fields().values();
    Jdbi jdbi = Jdbi.create(url);
    PartyData one = PartyDataLoader.load(jdbi, fields, 1);
    assertThat(one.size()).isGreaterThan(500);
    for (int parts : new int[] {2, 3, 7}) {
      PartyData many = PartyDataLoader.load(jdbi, fields, parts);
      assertThat(many.size()).isEqualTo(one.size());
      for (FieldSource field : fields) {
        FieldColumn a = one.column(field.name());
        FieldColumn b = many.column(field.name());
        assertThat(b.codes()).as(field.name()).isEqualTo(a.codes());
        for (int record = 0; record < one.size(); record++) {
          assertThat(b.code(record)).as(field.name() + " record " + record)
              .isEqualTo(a.code(record));
        }
        for (int code = 0; code < a.codes(); code++) {
          assertThat(b.valueOf(code)).isEqualTo(a.valueOf(code));
          assertThat(b.frequency(code)).isEqualTo(a.frequency(code));
        }
      }
      for (int record = 0; record < one.size(); record++) {
        assertThat(many.present(record)).isEqualTo(one.present(record));
        assertThat(many.system(record)).isEqualTo(one.system(record));
      }
    }
  }

  /** Values are trimmed as PostgreSQL's nullif(btrim(value), '') trims them. */
  @Test
  void valuesAreTrimmedAsTheServerTrimsThem() {
    String[] values = {"a", " a ", "", " ", "   ", "\ta ", "a\t", " x  y ", "\u00a0b", "ü "};
    Jdbi jdbi = Jdbi.create(TestPostgres.freshDatabaseUrl());
    java.util.List<String> server = jdbi.withHandle(h -> h.createQuery(
            "select nullif(btrim(v), '') from unnest(:values) with ordinality as t (v, n)"
                + " order by n")
        .bind("values", values).mapTo(String.class).list());
    java.util.List<String> here = java.util.Arrays.stream(values)
        .map(PartyDataLoader::trimmed).toList();
    assertThat(here).containsExactlyElementsOf(server);
    assertThat(PartyDataLoader.trimmed(null)).isNull();
  }
}
