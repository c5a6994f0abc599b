package io.hcp360.cli;

import io.hcp360.db.DatabaseSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the store is: a PostgreSQL server, or the embedded one (the default). */
final class DatabaseOptions {
  @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:HCP360_DB_URL}",
      description = "PostgreSQL server to use (jdbc:postgresql://host:5432/db); env HCP360_DB_URL."
          + " Without it, an embedded PostgreSQL is started with its data in --data-dir.")
  String url;

  @Option(names = "--db-user", defaultValue = "${env:HCP360_DB_USER}",
      description = "Database user; env HCP360_DB_USER.")
  String user;

  @Option(names = "--db-password", defaultValue = "${env:HCP360_DB_PASSWORD}",
      description = "Database password; env HCP360_DB_PASSWORD.")
  String password;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:HCP360_DATA_DIR:-.hcp360}",
      description = "Folder of the embedded database (default: .hcp360 in the working folder;"
          + " env HCP360_DATA_DIR).")
  Path dataDir;

  DatabaseSettings settings(int port) {
    return new DatabaseSettings(Optional.ofNullable(url), Optional.ofNullable(user),
        Optional.ofNullable(password), dataDir.toAbsolutePath(), port);
  }
}
