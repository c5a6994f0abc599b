package io.hcp360.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V31 turns the list members of a database that stored one row per member and version into
 * ranges of versions: every version reads back the same members, and whoever could read the
 * table can read the view.
 */
class ListRangesMigrationIT {
  private static final String ROLE = "analyst_list_ranges";

  /** Every version's members, as analysts read them before and after. */
  private static final String MEMBERS = """
      select version_id || ' ' || brand || ' ' || market || ' ' || golden_id || ' '
        || coalesce(middle_name, '-') || ' ' || email || ' ' || coalesce(eligibility::text, '-')
      from publish.hcp360_list_member order by 1""";

  @Test
  void consecutiveVersionsHoldingTheSameRowBecomeOneRange() {
    String url = TestPostgres.freshDatabaseUrl();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .schemas("hcp").createSchemas(true).target("29").load().migrate();
    Jdbi jdbi = Jdbi.create(url);
    jdbi.useHandle(h -> {
      if (h.createQuery("select count(*) from pg_roles where rolname = :role")
          .bind("role", ROLE).mapTo(Integer.class).one() == 0) {
        h.execute("create role " + ROLE);
      }
      h.execute("grant select on publish.hcp360_list_member to " + ROLE);
      // Cardio US: versions 1, 3, 4, 5; Onco US: version 2.
      h.execute("""
          insert into publish.hcp360_list_version (version_id, run_id, brand, market, members)
          values (1, 1, 'Cardio', 'US', 2), (2, 1, 'Onco', 'US', 1), (3, 2, 'Cardio', 'US', 2),
                 (4, 3, 'Cardio', 'US', 3), (5, 4, 'Cardio', 'US', 1)""");
      h.execute("""
          insert into publish.hcp360_current (brand, market, version_id)
          values ('Cardio', 'US', 5), ('Onco', 'US', 2)""");
      // G1 stays the same throughout; G2 changes at 3, changes back at 4 and leaves at 5; G3
      // joins at 4 and leaves at 5. G1 is on the Onco list too.
      h.execute("""
          insert into publish.hcp360_list_member (version_id, brand, market, golden_id,
            middle_name, email, activities_90d, channels_engaged, eligibility)
          values (1, 'Cardio', 'US', 'G1', null, 'g1@x', 1, 1, '{"email/promotional": true}'),
                 (3, 'Cardio', 'US', 'G1', null, 'g1@x', 1, 1, '{"email/promotional": true}'),
                 (4, 'Cardio', 'US', 'G1', null, 'g1@x', 1, 1, '{"email/promotional": true}'),
                 (5, 'Cardio', 'US', 'G1', null, 'g1@x', 1, 1, '{"email/promotional": true}'),
                 (1, 'Cardio', 'US', 'G2', 'A', 'g2@x', 0, 0, null),
                 (3, 'Cardio', 'US', 'G2', 'A', 'g2@y', 0, 0, null),
                 (4, 'Cardio', 'US', 'G2', 'A', 'g2@x', 0, 0, null),
                 (4, 'Cardio', 'US', 'G3', null, 'g3@x', 2, 1, null),
                 (2, 'Onco', 'US', 'G1', null, 'g1@x', 1, 1, '{"email/promotional": true}')""");
    });
    List<String> before = Sql.strings(jdbi, MEMBERS);
    List<String> currentBefore = Sql.strings(jdbi,
        "select version_id || ' ' || golden_id from publish.hcp360_list order by 1");

    Migrations.migrate(dataSource);

    assertThat(Sql.strings(jdbi, """
        select brand || ' ' || golden_id || ' ' || email || ' ' || from_version || '-'
          || coalesce(until_version::text, 'current')
        from publish.hcp360_list_row order by 1""")).containsExactly(
            "Cardio G1 g1@x 1-current",
            "Cardio G2 g2@x 1-3",
            "Cardio G2 g2@x 4-5",
            "Cardio G2 g2@y 3-4",
            "Cardio G3 g3@x 4-5",
            "Onco G1 g1@x 2-current");
    assertThat(Sql.strings(jdbi, MEMBERS)).isEqualTo(before).hasSize(9);
    assertThat(Sql.strings(jdbi,
        "select version_id || ' ' || golden_id from publish.hcp360_list order by 1"))
        .isEqualTo(currentBefore).containsExactly("2 G1", "5 G1");
    assertThat(Sql.strings(jdbi, """
        select relname || ' ' || has_table_privilege(:role, oid, 'select')
        from pg_class where relnamespace = 'publish'::regnamespace
          and relname in ('hcp360_list_member', 'hcp360_list_row') order by 1"""
        .replace(":role", "'" + ROLE + "'")))
        .containsExactly("hcp360_list_member true", "hcp360_list_row true");
  }
}
