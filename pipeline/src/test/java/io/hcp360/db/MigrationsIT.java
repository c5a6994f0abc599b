package io.hcp360.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hcp360.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Flyway runs for a database that needs it and is skipped for one that holds every bundled
 * migration; a failed or missing migration goes through Flyway again.
 */
class MigrationsIT {

  @Test
  void anUpToDateDatabaseIsLeftAsItIsAndAnyOtherGoesThroughFlyway() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(TestPostgres.freshDatabaseUrl());
    Jdbi jdbi = Jdbi.create(dataSource);

    assertThat(Migrations.appliedVersions(dataSource)).isEmpty();
    assertThat(Migrations.migrate(dataSource)).as("a new database is migrated").isTrue();
    var bundled = Migrations.bundledVersions();
    assertThat(bundled).isPresent();
    assertThat(bundled.get()).contains(1, 42).doesNotContain(7);
    assertThat(Migrations.appliedVersions(dataSource)).isEqualTo(bundled.get());
    assertThat(Migrations.migrate(dataSource)).as("an up-to-date one is not").isFalse();

    // A migration recorded as failed: Flyway looks again, and refuses.
    jdbi.useHandle(h -> h.execute("update hcp.flyway_schema_history set success = false"
        + " where version = '42'"));
    assertThat(Migrations.appliedVersions(dataSource)).isEmpty();
    assertThatThrownBy(() -> Migrations.migrate(dataSource))
        .isInstanceOf(DatabaseException.class).hasMessageContaining("42");

    // The latest migration missing from the history (and undone): Flyway applies it.
    jdbi.useHandle(h -> {
      h.execute("delete from hcp.flyway_schema_history where version = '42'");
      h.execute("drop table hcp.party_tally, hcp.golden_record_tally, hcp.activity_tally");
      h.execute("""
          drop function hcp.tally_emptied(), hcp.party_tally_all(), hcp.party_tally_changes(),
            hcp.golden_record_tally_all(), hcp.golden_record_tally_changes(),
            hcp.activity_tally_all(), hcp.activity_tally_changes() cascade""");
    });
    assertThat(Migrations.appliedVersions(dataSource)).doesNotContain(42);
    assertThat(Migrations.migrate(dataSource)).isTrue();
    assertThat(Migrations.appliedVersions(dataSource)).isEqualTo(bundled.get());
  }
}
