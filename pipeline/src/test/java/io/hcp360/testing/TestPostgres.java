package io.hcp360.testing;

import io.hcp360.db.Database;
import io.hcp360.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL (the embedded one) for the whole test run, and a fresh database on it for
 * every test that asks, so tests never see each other's data.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("hcp360-test-pg");
        server = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(dir.resolve("bin").toFile())
            .setDataDirectory(dir.resolve("data"))
            .setServerConfig("fsync", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** The JDBC URL of a new, empty database. */
  public static String freshDatabaseUrl() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /**
   * The JDBC URL of a new database copied from the one at {@code url} (which must have no open
   * connection): for tests that each change data one slow setup made.
   */
  public static String copyOf(String url) {
    String source = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?].*", "");
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name + " template " + source);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /** A new, empty database, migrated; its working folder (run reports) is a new temporary one. */
  public static Database freshDatabase() {
    try {
      return Database.open(new DatabaseSettings(Optional.of(freshDatabaseUrl()),
          Optional.empty(), Optional.empty(), Files.createTempDirectory("hcp360-test-home"), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
