package io.hcp360.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the binaries on Maven Central (io.zonky.test), with its data in
 * a folder that survives between runs ({@code .hcp360/pgdata} in the working folder by default).
 * As root, zonky runs PostgreSQL in a user namespace ({@code unshare -U}), since PostgreSQL refuses
 * to run as root.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts the server on {@code home/pgdata}, creating it on first use. A server left running by a
   * killed process is stopped first.
   *
   * @param port the port to listen on, or 0 for a free one
   */
  static EmbeddedPostgresServer start(Path home, int port) {
    Path binaries = home.resolve("pg-binaries");
    Path data = home.resolve("pgdata");
    try {
      Files.createDirectories(binaries);
      stopOrphan(data);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(binaries.toFile())
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "100")
              .setServerConfig("shared_buffers", "256MB")
              .setServerConfig("max_wal_size", "4GB")
              .setServerConfig("unix_socket_directories", "")
              .setLocaleConfig("locale", "C")
              .start();
      return new EmbeddedPostgresServer(postgres);
    } catch (IOException | RuntimeException e) {
      throw new DatabaseException(
          "could not start the embedded PostgreSQL in " + data + ": " + e.getMessage()
              + " (is another hcp360 process using this folder?)",
          e);
    }
  }

  /**
   * A server whose hcp360 process was killed keeps running and holds the data folder; stop it so
   * this one can own the folder. A folder still locked by a live hcp360 process is left alone.
   */
  private static void stopOrphan(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Path lockFile = data.resolve("epg-lock");
    if (Files.exists(lockFile)) {
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock lock = channel.tryLock()) {
        if (lock == null) {
          throw new IOException("another hcp360 process is using " + data);
        }
      }
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    if (orphan.isPresent() && orphan.get().info().command().orElse("").contains("postgres")) {
      LOG.info("stopping the PostgreSQL server left running in {}", data);
      orphan.get().destroy();
      try {
        orphan.get().onExit().get(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("the PostgreSQL server left running in " + data + " did not stop", e);
      }
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
    }
  }
}
