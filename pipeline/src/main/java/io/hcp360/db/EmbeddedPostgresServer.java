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

  /** The server this process started and stops on close; null when attached to another's. */
  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /**
   * Starts the server on {@code home/pgdata}, creating it on first use. A server left running by a
   * killed process is stopped first. When a live hcp360 process (a {@code serve} or
   * {@code schedule}, say) already runs the server of that folder, this process uses it too and
   * leaves it running when done.
   *
   * @param port the port to listen on, or 0 for a free one
   */
  static EmbeddedPostgresServer start(Path home, int port) {
    Path binaries = home.resolve("pg-binaries");
    Path data = home.resolve("pgdata");
    try {
      Files.createDirectories(binaries);
      Optional<Integer> shared = runningServerPort(data);
      if (shared.isPresent()) {
        LOG.info("using the PostgreSQL server that another hcp360 process runs on port {} ({})",
            shared.get(), data);
        return new EmbeddedPostgresServer(null, shared.get());
      }
      stopOrphan(data);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(binaries.toFile())
              .setPgBinaryResolver(new BundledPostgresBinaries())
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "100")
              // The buffer pool starts empty with every start of the server, and a buffer's first
              // use costs more than reading a page the kernel caches (on the 2-core benchmark
              // machine, a virtual one, 50 us against 11 us: the memory is fresh). A nightly run
              // reads and writes a little of many tables: with 64 MB instead of 256 MB the
              // benchmark's incremental nights at 1,000,000 records took 22.1-24.0 s against
              // 24.6-24.9 s (three pairs, and two of three pairs before), full runs 221.6 and
              // 229.6 s against 218.6 and 226.7 s (README, "Midday on 2026-12-01").
              .setServerConfig("shared_buffers", "64MB")
              .setServerConfig("max_wal_size", "4GB")
              // Nothing replicates the embedded store: a table filled in the transaction that
              // created or emptied it (most of a run's bulk loads) is written once, not also to
              // the write-ahead log; it is synced at commit, so a crash still loses nothing.
              .setServerConfig("wal_level", "minimal")
              .setServerConfig("max_wal_senders", "0")
              .setServerConfig("unix_socket_directories", "")
              .setLocaleConfig("locale", "C")
              .start();
      return new EmbeddedPostgresServer(postgres, postgres.getPort());
    } catch (IOException | RuntimeException e) {
      throw new DatabaseException(
          "could not start the embedded PostgreSQL in " + data + ": " + e.getMessage()
              + " (is another hcp360 process using this folder?)",
          e);
    }
  }

  /**
   * The port of the server running on {@code data} when a live hcp360 process owns it (it holds
   * the folder's lock file), read from PostgreSQL's {@code postmaster.pid} (fourth line).
   */
  private static Optional<Integer> runningServerPort(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    Path lockFile = data.resolve("epg-lock");
    if (!Files.exists(pidFile) || !Files.exists(lockFile)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock != null) {
        return Optional.empty();
      }
    } catch (java.nio.channels.OverlappingFileLockException e) {
      // this very process holds it (a second Database in one JVM): share that server too
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() < 4 || lines.get(3).isBlank()) {
      throw new IOException("another hcp360 process is starting the server in " + data
          + "; try again in a moment");
    }
    return Optional.of(Integer.parseInt(lines.get(3).trim()));
  }

  /**
   * A server whose hcp360 process was killed keeps running and holds the data folder; stop it so
   * this one can own the folder.
   */
  private static void stopOrphan(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
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
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
  }

  int port() {
    return port;
  }

  /** Whether another process runs this server (it keeps running after this one closes). */
  boolean shared() {
    return postgres == null;
  }

  @Override
  public void close() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
    }
  }
}
