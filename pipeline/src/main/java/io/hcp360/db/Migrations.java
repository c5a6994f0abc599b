package io.hcp360.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Creates and upgrades the schema with the Flyway migrations under {@code db/migration}. */
final class Migrations {
  private Migrations() {}

  static void migrate(DataSource dataSource) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .schemas("hcp")
          .createSchemas(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new DatabaseException("could not migrate the hcp360 schema: " + e.getMessage(), e);
    }
  }
}
