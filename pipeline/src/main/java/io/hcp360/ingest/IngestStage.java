package io.hcp360.ingest;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.Facet;
import io.hcp360.config.SourceFile;
import io.hcp360.db.CopyBuffer;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every file of the job into the staging tables. Each file is staged in one transaction
 * together with its counts, so a restarted run skips the files it had already staged and
 * redoes the ones it was in. Files are staged on all cores at once, the largest first; what a
 * file stages does not depend on the files beside it.
 *
 * <p>The staging tables hold the extracts as they are now, one copy of each file
 * ({@code hcp.staged_file}). A full run empties them and reads every file. An incremental run
 * reads again only the files whose fingerprint ({@link Fingerprint}: the job file and the
 * file's bytes) changed since they were staged, and keeps the rows of the others. Of a file read
 * again it stages only the party rows that changed ({@link PartyRowDiff}: the others keep the run
 * and line that read them), and it records the party records whose staged rows it changed
 * ({@code hcp.staged_change}), so that standardize looks at those only. Lines read before are
 * not parsed again where the file stages party rows and consent facts only: the facts of such a
 * line are kept too, moved to its line now ({@link StagingDao#keepKnownConsent}).
 */
public final class IngestStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  private final int threads;

  /**
   * Stages one file more at once than there are cores: each file's transaction waits on the
   * server for part of its time (reading its staged rows back, COPY, moving kept consent facts),
   * which another file's reading fills. With as many files as cores, the three extracts an
   * incremental night at 1,000,000 records reads again took 4.3-4.5 s; three at once, 3.8-3.9 s.
   */
  public IngestStage() {
    this(Runtime.getRuntime().availableProcessors() + 1);
  }

  /** Stages this many files at once. */
  IngestStage(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.threads = threads;
  }

  /**
   * One file of a source to stage, its path as stored (relative to the job file), its size, and
   * whether it changed for certain since it was staged (new, or of another size).
   */
  record FileToStage(SourceFile source, Path file, String shown, long bytes, boolean changed) {}

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void run(RunContext run) {
    FileIngester ingester = new FileIngester();
    Fingerprint fingerprint = Fingerprint.forJob(run.job().file());
    // The staging tables rows were deleted from (files read again or gone), to vacuum after.
    Set<String> deletedFrom = ConcurrentHashMap.newKeySet();
    List<FileToStage> files = filesToStage(run, deletedFrom);
    ExecutorService pool = Executors.newFixedThreadPool(threads,
        Thread.ofPlatform().name("ingest-", 1).daemon().factory());
    List<Future<?>> staged = new ArrayList<>();
    try {
      for (FileToStage file : files) {
        staged.add(pool.submit(() -> stage(run, ingester, fingerprint, file, deletedFrom)));
      }
    } finally {
      pool.shutdown();
    }
    awaitAll(pool, staged);
    if (!deletedFrom.isEmpty()) {
      // Make the deleted rows' space reusable, so that the steps after do not scan it (VACUUM
      // runs outside a transaction). The names are the facets' own tables.
      run.jdbi().useHandle(h -> h.execute("vacuum " + String.join(", ",
          deletedFrom.stream().sorted().map(t -> "hcp." + t).toList())));
    }
  }

  /**
   * The files this run has not staged yet, largest first so that the threads end together. A
   * full run that has staged none yet (not a resumed one) first empties the staging tables; an
   * incremental one forgets the files the job no longer reads (adding the tables their rows
   * were deleted from to {@code deletedFrom}).
   */
  private static List<FileToStage> filesToStage(RunContext run, Set<String> deletedFrom) {
    Set<String> loaded = run.jdbi().withExtension(StagingDao.class,
        dao -> dao.loadedFiles(run.runId()));
    Map<String, Long> stagedBytes = new HashMap<>();
    run.jdbi().withExtension(StagingDao.class, StagingDao::stagedFiles)
        .forEach(f -> stagedBytes.put(f.key(), f.bytes()));
    if (loaded.isEmpty() && !run.incremental()) {
      run.jdbi().useExtension(StagingDao.class, StagingDao::clearStaging);
    }
    Path base = run.job().file().getParent();
    List<FileToStage> files = new ArrayList<>();
    Set<String> read = new HashSet<>();
    for (SourceFile source : run.job().sources()) {
      for (Path file : source.paths()) {
        String shown = base.relativize(file).toString();
        String key = StagingDao.key(source.system(), source.name(), shown);
        read.add(key);
        if (loaded.contains(key)) {
          LOG.info("  {} {}: already staged by this run", source.label(), shown);
        } else {
          long bytes = size(file);
          Long before = stagedBytes.get(key);  // null if not staged, or staged before V40
          boolean changed = !stagedBytes.containsKey(key) || before != null && before != bytes;
          files.add(new FileToStage(source, file, shown, bytes, changed));
        }
      }
    }
    forgetGoneFiles(run, read, deletedFrom);
    files.sort(STAGING_ORDER);
    return files;
  }

  /**
   * The files changed for certain first (new, or of another size than when staged: their
   * fingerprint need not be taken to know it, and they take longest), then the others; largest
   * first in each, so that the threads end together. An incremental night's changed extracts
   * used to wait behind the unchanged ones larger than they (0.6 s for the subscribers file).
   */
  static final Comparator<FileToStage> STAGING_ORDER =
      Comparator.comparing(FileToStage::changed).reversed()
          .thenComparing(Comparator.comparingLong(FileToStage::bytes).reversed());

  /** Removes from staging the files that the job does not read any more. */
  private static void forgetGoneFiles(RunContext run, Set<String> read,
      Set<String> deletedFrom) {
    run.jdbi().useTransaction(handle -> {
      StagingDao dao = handle.attach(StagingDao.class);
      for (StagingDao.StagedFile gone : dao.stagedFiles()) {
        if (!read.contains(gone.key())) {
          dao.allChanged(run.runId(), gone.system(), gone.fileName(), gone.path());
          deletedFrom.addAll(dao.forgetFile(gone));
          LOG.info("  {}/{} {}: no longer read by the job, its staged rows removed",
              gone.system(), gone.fileName(), gone.path());
        }
      }
    });
  }

  /**
   * Stages one file in one transaction with its counts. An incremental run keeps the rows staged
   * from a file whose fingerprint did not change (the file is not read again; its rejects are
   * copied to the run); otherwise the file's earlier rows are replaced by what it holds now.
   *
   * @param deletedFrom where the staging tables the file's earlier rows were deleted from go
   */
  private static void stage(RunContext run, FileIngester ingester, Fingerprint fingerprints,
      FileToStage file, Set<String> deletedFrom) {
    SourceFile source = file.source();
    String fingerprint = fingerprints.file(file.file());
    FileCounts counts = run.jdbi().inTransaction(handle -> {
      // Files are staged beside each other, more of them than there are cores: parallel workers
      // would take cores the other files use, and pass every row through a queue to the
      // leader. Reading back the earlier rows of the benchmark's three files read again at
      // 1,000,000 records, an incremental night's ingest took 4.8-5.5 s without them against
      // 5.5-5.8 s with them (README, "Afternoon on 2026-12-01").
      handle.execute("set local max_parallel_workers_per_gather = 0");
      StagingDao dao = handle.attach(StagingDao.class);
      Optional<StagingDao.StagedFile> earlier =
          dao.stagedFile(source.system(), source.name(), file.shown());
      Optional<StagingDao.StagedFile> kept = run.incremental()
          ? earlier.filter(f -> fingerprint.equals(f.fingerprint()))
          : Optional.empty();
      if (kept.isPresent()) {
        long stagedRun = kept.get().stagedRun();
        dao.fileLoaded(run.runId(), kept.get().counts(), stagedRun, fingerprint,
            kept.get().tables());
        dao.copyRejects(run.runId(), stagedRun, source.system(), source.name(), file.shown());
        LOG.info("  {} {}: unchanged since run {}, not read again ({} rows staged then)",
            source.label(), file.shown(), stagedRun,
            String.format("%,d", kept.get().staged()));
        return null;
      }
      try {
        // An incremental run stages again only the party rows that changed, and tells
        // standardize which records they are. Lines known from before are not parsed where
        // what they stage is kept by line: party rows, and consent facts once they carry
        // their line's hash (facts staged before V38 do not: their file is read whole once).
        PartyRowDiff diff = null;
        boolean skipKnown = false;
        boolean consent = source.facet(Facet.CONSENT).isPresent();
        if (run.incremental() && source.facet(Facet.PARTY).isPresent()) {
          diff = new PartyRowDiff(earlier.map(f -> (int) f.staged()).orElse(16));
          skipKnown = FileIngester.keptByLine(source) && (!consent || earlier.isEmpty()
              || dao.consentLinesHashed(source.system(), source.name(), file.shown()));
        }
        boolean keepConsent = skipKnown && consent && earlier.isPresent();
        if (earlier.isPresent()) {
          Set<String> left = new HashSet<>();
          if (diff != null) {
            dao.partyRows(source.system(), source.name(), file.shown(), diff);
            left.add(Facet.PARTY.table());
          }
          if (keepConsent) {
            left.add(Facet.CONSENT.table());
          }
          deletedFrom.addAll(dao.forgetFile(earlier.get(), left));
        }
        FileCounts c = ingester.ingest(handle, run.runId(), source, file.file(), file.shown(),
            fingerprints, diff, skipKnown);
        if (diff != null) {
          PartyRowDiff.Result result = diff.result();
          applyDiff(handle, dao, run.runId(), source.system(), result);
          if (keepConsent) {
            dao.keepKnownConsent(run.runId(), source.system(), source.name(), file.shown(),
                result.known());
          }
          if (earlier.isPresent()) {
            LOG.info("  {} {}: {} party rows kept as staged ({} of their lines not parsed"
                + " again), {} removed, {} records changed", source.label(), file.shown(),
                String.format("%,d", result.kept()), String.format("%,d", result.knownLines()),
                String.format("%,d", result.gone().size()),
                String.format("%,d", result.changed().size()));
          }
        }
        // Its rows are in the staging tables of the facets it maps, and nowhere else.
        String[] tables = source.facets().stream()
            .map(f -> f.facet().table()).distinct().toArray(String[]::new);
        dao.fileStaged(run.runId(), c, fingerprint, tables, file.bytes());
        dao.fileLoaded(run.runId(), c, run.runId(), fingerprint, tables);
        return c;
      } catch (IOException | SQLException e) {
        throw new Hcp360Exception("could not ingest " + file.file() + ": " + e.getMessage(), e);
      }
    });
    if (counts != null) {
      LOG.info("  {} {}: {} read, {} staged, {} rejected", source.label(), file.shown(),
          String.format("%,d", counts.read()), String.format("%,d", counts.staged()),
          String.format("%,d", counts.rejected()));
    }
  }

  /**
   * Deletes the earlier party rows a file read again did not keep, moves kept rows to their line
   * now where {@link PartyRowDiff.Result#moved} says, and records the changed records for
   * standardize.
   */
  private static void applyDiff(Handle handle, StagingDao dao, long runId, String system,
      PartyRowDiff.Result diff) throws SQLException {
    dao.deletePartyRows(diff.gone().toArray(String[]::new));
    List<PartyRowDiff.Move> moved = diff.moved();
    if (!moved.isEmpty()) {
      dao.movePartyRows(runId, moved.stream().map(PartyRowDiff.Move::ctid).toArray(String[]::new),
          moved.stream().map(PartyRowDiff.Move::line).toArray(Integer[]::new),
          moved.stream().map(m -> m.lineHash() == null ? null : m.lineHash().toString())
              .toArray(String[]::new));
    }
    CopyBuffer changed = new CopyBuffer(
        "COPY hcp.staged_change (run_id, system, source_id) FROM STDIN");
    for (String key : diff.changed()) {
      changed.value(runId).value(system).value(key).endRow();
    }
    changed.flush(CopyBuffer.copyManager(handle));
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
