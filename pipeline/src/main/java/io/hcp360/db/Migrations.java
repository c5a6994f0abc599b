package io.hcp360.db;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates and upgrades the schema with the Flyway migrations under {@code db/migration}. A
 * database that already holds every bundled migration, each applied successfully and no other,
 * is left as it is without starting Flyway (which took 0.3 s of every command); anything else
 * (a new database, a new version of hcp360, a failed migration, a database of a newer version)
 * goes through Flyway, which migrates or says what is wrong. The check does not compare the
 * scripts' checksums: a released migration is never edited, and tests start from empty
 * databases.
 */
final class Migrations {
  private static final String LOCATION = "db/migration";
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

  private Migrations() {}

  /** Migrates the schema; whether Flyway ran (false: it was up to date). */
  static boolean migrate(DataSource dataSource) {
    Optional<Set<Integer>> bundled = bundledVersions();
    if (bundled.isPresent() && bundled.get().equals(appliedVersions(dataSource))) {
      return false;
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:" + LOCATION)
          .schemas("hcp")
          .createSchemas(true)
          .load()
          .migrate();
      return true;
    } catch (FlywayException e) {
      throw new DatabaseException("could not migrate the hcp360 schema: " + e.getMessage(), e);
    }
  }

  /**
   * The versions of the migrations applied successfully, or none (an empty set) when there is
   * no history yet or any migration failed.
   */
  static Set<Integer> appliedVersions(DataSource dataSource) {
    Set<Integer> versions = new TreeSet<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet exists = s.executeQuery(
          "select to_regclass('hcp.flyway_schema_history') is not null")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return Set.of();
        }
      }
      try (ResultSet rs = s.executeQuery(
          "select version, success from hcp.flyway_schema_history")) {
        while (rs.next()) {
          String version = rs.getString(1);
          if (!rs.getBoolean(2)) {
            return Set.of();
          }
          if (version != null) {  // the schema-creation row has none
            versions.add(Integer.parseInt(version));
          }
        }
      }
    } catch (SQLException | NumberFormatException e) {
      return Set.of();  // Flyway looks, and says what it finds
    }
    return versions;
  }

  /** The versions of the bundled migration scripts; none when they cannot be listed. */
  static Optional<Set<Integer>> bundledVersions() {
    URL url = Migrations.class.getClassLoader().getResource(LOCATION);
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem jar;
        boolean opened = false;
        try {
          jar = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          jar = FileSystems.newFileSystem(uri, Map.of());
          opened = true;
        }
        try {
          return Optional.of(versions(jar.provider().getPath(uri)));
        } finally {
          if (opened) {
            jar.close();
          }
        }
      }
      return Optional.of(versions(Path.of(uri)));
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Set<Integer> versions(Path folder) throws IOException {
    Set<Integer> versions = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        if (m.matches()) {
          versions.add(Integer.parseInt(m.group(1)));
        } else if (file.getFileName().toString().endsWith(".sql")) {
          throw new IOException("not a versioned migration: " + file);  // let Flyway decide
        }
      }
    }
    return versions;
  }
}
