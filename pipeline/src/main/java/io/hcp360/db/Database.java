package io.hcp360.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The store: a PostgreSQL server (the one configured, or an embedded one) with the hcp360 schema
 * migrated to the current version. Closing it closes the pool and stops an embedded server.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Optional<EmbeddedPostgresServer> embedded;
  private final String description;
  private final Path home;

  private Database(HikariDataSource dataSource, Optional<EmbeddedPostgresServer> embedded,
      String description, Path home) {
    this.dataSource = dataSource;
    this.home = home;
    this.embedded = embedded;
    this.description = description;
    this.jdbi =
        Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
  }

  /** Connects to the server in {@code settings}, or starts the embedded one, and migrates it. */
  public static Database open(DatabaseSettings settings) {
    Optional<String> url = settings.url();
    if (url.isPresent()) {
      HikariDataSource pool = pool(url.get(), settings.user(), settings.password());
      return migrated(new Database(pool, Optional.empty(), url.get(), settings.home()));
    }
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.home(), settings.port());
    try {
      HikariDataSource pool = pool(server.jdbcUrl(), Optional.of("postgres"), Optional.empty());
      return migrated(
          new Database(
              pool,
              Optional.of(server),
              "embedded PostgreSQL on port " + server.port() + ", data in "
                  + settings.home().resolve("pgdata")
                  + (server.shared() ? " (started by another hcp360 process)" : ""),
              settings.home()));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static Database migrated(Database database) {
    try {
      Migrations.migrate(database.dataSource);
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static HikariDataSource pool(
      String url, Optional<String> user, Optional<String> password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    user.ifPresent(config::setUsername);
    password.ifPresent(config::setPassword);
    config.setMaximumPoolSize(8);
    config.setPoolName("hcp360");
    config.setInitializationFailTimeout(10_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseException("could not connect to " + url + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Where the data is, for messages: the URL or the embedded server's port and folder. */
  public String description() {
    return description;
  }

  /**
   * The working folder ({@code .hcp360} by default): the embedded server's data, the log, and
   * each run's folder ({@code runs/RUN_ID}, with its report).
   */
  public Path home() {
    return home;
  }

  /** The JDBC URL of the embedded server, when there is one. */
  public Optional<String> embeddedJdbcUrl() {
    return embedded.map(EmbeddedPostgresServer::jdbcUrl);
  }

  @Override
  public void close() {
    dataSource.close();
    embedded.ifPresent(EmbeddedPostgresServer::close);
  }

  /** Where hcp360 keeps its embedded database when none is configured. */
  public static Path defaultHome() {
    return Path.of(".hcp360").toAbsolutePath();
  }
}
