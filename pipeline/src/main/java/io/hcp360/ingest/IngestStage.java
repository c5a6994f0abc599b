package io.hcp360.ingest;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.SourceFile;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every file of the job into the staging tables. Each file is staged in one transaction
 * together with its counts, so a restarted run skips the files it had already staged and
 * redoes the ones it was in. Files are staged on all cores at once, the largest first; what a
 * file stages does not depend on the files beside it.
 */
public final class IngestStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  private final int threads;

  /** Stages as many files at once as there are cores. */
  public IngestStage() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** Stages this many files at once. */
  IngestStage(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.threads = threads;
  }

  /** One file of a source to stage, and its path as stored (relative to the job file). */
  private record FileToStage(SourceFile source, Path file, String shown, long bytes) {}

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void run(RunContext run) {
    FileIngester ingester = new FileIngester();
    List<FileToStage> files = filesToStage(run);
    ExecutorService pool = Executors.newFixedThreadPool(threads,
        Thread.ofPlatform().name("ingest-", 1).daemon().factory());
    List<Future<?>> staged = new ArrayList<>();
    try {
      for (FileToStage file : files) {
        staged.add(pool.submit(() -> stage(run, ingester, file)));
      }
    } finally {
      pool.shutdown();
    }
    awaitAll(pool, staged);
  }

  /**
   * The files this run has not staged yet, largest first so that the threads end together. A
   * run that has staged none yet (not a resumed one) first empties the staging tables of the
   * runs before it.
   */
  private static List<FileToStage> filesToStage(RunContext run) {
    Set<String> loaded = run.jdbi().withExtension(StagingDao.class,
        dao -> dao.loadedFiles(run.runId()));
    if (loaded.isEmpty()) {
      run.jdbi().useExtension(StagingDao.class, StagingDao::clearStaging);
    }
    Path base = run.job().file().getParent();
    List<FileToStage> files = new ArrayList<>();
    for (SourceFile source : run.job().sources()) {
      for (Path file : source.paths()) {
        String shown = base.relativize(file).toString();
        if (loaded.contains(source.system() + "/" + source.name() + "/" + shown)) {
          LOG.info("  {} {}: already staged by this run", source.label(), shown);
        } else {
          files.add(new FileToStage(source, file, shown, size(file)));
        }
      }
    }
    files.sort(Comparator.comparingLong(FileToStage::bytes).reversed());
    return files;
  }

  private static void stage(RunContext run, FileIngester ingester, FileToStage file) {
    FileCounts counts = run.jdbi().inTransaction(handle -> {
      try {
        FileCounts c = ingester.ingest(handle, run.runId(), file.source(), file.file(),
            file.shown());
        handle.attach(StagingDao.class).fileLoaded(run.runId(), c);
        return c;
      } catch (IOException | SQLException e) {
        throw new Hcp360Exception("could not ingest " + file.file() + ": " + e.getMessage(), e);
      }
    });
    LOG.info("  {} {}: {} read, {} staged, {} rejected", file.source().label(), file.shown(),
        String.format("%,d", counts.read()), String.format("%,d", counts.staged()),
        String.format("%,d", counts.rejected()));
  }

  /**
   * Waits for every file. After a failure the files not started yet are left for the restart,
   * and the ones being staged are let finish, so that no transaction outlives the step.
   */
  private static void awaitAll(ExecutorService pool, List<Future<?>> staged) {
    RuntimeException failure = null;
    for (Future<?> file : staged) {
      try {
        file.get();
      } catch (CancellationException e) {
        // not started because another file failed; the restart stages it
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException r ? r
              : new Hcp360Exception("could not ingest: " + e.getCause().getMessage(), e.getCause());
          staged.forEach(f -> f.cancel(false));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new Hcp360Exception("ingest was interrupted", e);
        staged.forEach(f -> f.cancel(false));
        break;
      }
    }
    // A cancelled future answers at once, even when its file is still being staged.
    boolean interrupted = false;
    while (!pool.isTerminated()) {
      try {
        pool.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // a missing file fails when it is read, with its own message
    }
  }
}
