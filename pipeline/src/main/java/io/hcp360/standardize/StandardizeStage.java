package io.hcp360.standardize;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.IndexLookups;
import io.hcp360.db.PausedTally;
import io.hcp360.db.Sql;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.run.Progress;
import io.hcp360.run.RunContext;
import io.hcp360.run.RunMode;
import io.hcp360.run.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@code hcp.party}: one row per source record (system, source_id) from the run's staged
 * rows (the latest version when a record was staged several times), with values cleaned and
 * match keys computed. A full run rebuilds the table whole; an incremental run standardizes only
 * the records that are new or whose staged values hash differently, removes the records no
 * longer staged (looking only at the records whose staged rows ingest changed, {@code
 * hcp.staged_change}, when it recorded them all since the last run that standardized), and
 * lists what changed in {@code hcp.party_change} (the earlier versions in
 * {@code hcp.party_previous}). Either way the step is one transaction, so a restart simply does
 * it again. A source record keeps its party_id for good ({@code hcp.party_key}); new records are
 * numbered on from the highest in the order of the select. Rows are standardized in chunks on
 * all cores and written in that order, so the table does not depend on the number of threads.
 */
public final class StandardizeStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(StandardizeStage.class);
  /** Rows standardized together by one thread and sent with one COPY. */
  private static final int CHUNK_ROWS = 5_000;

  private final int threads;
  private final int chunkRows;

  /** Standardizes on all cores. */
  public StandardizeStage() {
    this(Runtime.getRuntime().availableProcessors(), CHUNK_ROWS);
  }

  /** Standardizes on this many threads, in chunks of this many rows; the output is the same. */
  StandardizeStage(int threads, int chunkRows) {
    if (threads < 1 || chunkRows < 1) {
      throw new IllegalArgumentException("threads and chunk rows must be at least 1");
    }
    this.threads = threads;
    this.chunkRows = chunkRows;
  }

  /** The rows of one chunk in COPY format, and the specialties among them that have no code. */
  private record Chunk(CopyBuffer rows, List<String> unknownSpecialties) {}

  @Override
  public String name() {
    return "standardize";
  }

  @Override
  public void run(RunContext run) {
    if (RunMode.done(run.jdbi(), RunMode.Step.STANDARDIZE, run.runId())) {
      return;
    }
    boolean changedOnly = run.incremental();
    // Which records' staged rows changed, when ingest recorded them all since the last run
    // that standardized: only those can have a new latest version.
    Optional<Long> since = changedOnly
        ? run.jdbi().withHandle(RunMode::stagedChangesSince) : Optional.empty();
    String select = Sql.load(StandardizeStage.class, "latest-staged-party");
    String copy = Sql.load(StandardizeStage.class, "copy-party");
    Tally unknownSpecialties = new Tally();
    ThreadLocal<PartyStandardizer> standardizers = ThreadLocal.withInitial(PartyStandardizer::new);
    long records = changedOnly ? 0 : run.jdbi().withHandle(h -> h.createQuery(
        Sql.load(StandardizeStage.class, "count-staged-party"))
        .mapTo(Long.class).one());
    Progress progress = Progress.start("standardize", changedOnly ? "changed party records"
        : "party records", records);
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
    try {
      run.jdbi().useTransaction(writer -> {
        PartyChangeDao changes = writer.attach(PartyChangeDao.class);
        int highestId = changes.highestPartyId();
        SuspendedIndexes suspended = null;
        PausedTally paused = null;
        String copyInto = copy;
        if (changedOnly) {
          changes.createNewParty();
          copyInto = copy.replace("COPY hcp.party ", "COPY party_new ");
        } else {
          writer.execute("truncate hcp.party cascade");
          paused = PausedTally.of(writer, "party");
          suspended = SuspendedIndexes.of(writer, "hcp.party");
        }
        String copySql = copyInto;
        CopyManager copyManager = copyManager(writer);
        // Chunks are standardized on the pool and written in the order of the select, so each
        // row keeps the party_id it was numbered with; at most a few chunks wait in memory.
        Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
        Consumer<Future<Chunk>> writeOut = future -> {
          Chunk chunk = result(future);
          flush(chunk.rows(), copyManager);
          chunk.unknownSpecialties().forEach(unknownSpecialties::add);
          progress.advance(chunk.rows().rows());
        };
        if (since.isEmpty()) {
          // Fresh statistics of the run's staged rows (COPY leaves none), and room to sort them
          // in memory: the latest version of each record is picked by one sort of them all.
          run.jdbi().useHandle(h -> h.execute("analyze hcp.staged_party"));
        }
        int rows = run.jdbi().inTransaction(reader -> {
          reader.execute("set local work_mem = '256MB'");
          since.ifPresent(after -> changedRecords(reader, after));
          return reader.createQuery(select)
            .define("changedRecords", since.isEmpty() ? "" : "where (system, source_id) in"
                + " (select system, source_id from changed_record)")
            .bind("changedOnly", changedOnly)
            .setFetchSize(5_000)
            .scanResultSet((supplier, ctx) -> {
              ResultSet rs = supplier.get();
              Map<String, Integer> columns = StagedParty.columns(rs);
              int count = 0;
              int nextId = highestId;
              int capacity = Math.min(chunkRows, CHUNK_ROWS);
              List<Numbered> batch = new ArrayList<>(capacity);
              while (rs.next()) {
                StagedParty row = StagedParty.read(rs, columns);
                String known = row.get("party_id");
                batch.add(new Numbered(known != null ? Integer.parseInt(known) : ++nextId, row));
                if (batch.size() == chunkRows) {
                  inFlight.add(submit(pool, standardizers, copySql, batch, run.runId()));
                  count += batch.size();
                  batch = new ArrayList<>(capacity);
                  if (inFlight.size() > 2 * threads) {
                    writeOut.accept(inFlight.removeFirst());
                  }
                }
              }
              if (!batch.isEmpty()) {
                inFlight.add(submit(pool, standardizers, copySql, batch, run.runId()));
                count += batch.size();
              }
              return count;
            });
        });
        while (!inFlight.isEmpty()) {
          writeOut.accept(inFlight.removeFirst());
        }
        progress.finish();
        changes.clear(run.runId());
        if (changedOnly) {
          if (since.isPresent()) {
            changes.deletedAmongChanged(run.runId(), since.get());
          } else {
            changes.deleted(run.runId());
          }
          changes.addedOrChanged(run.runId());
          changes.keepPrevious(run.runId());
          changes.removeChanged(run.runId());
          changes.insertNew();
          changes.newKeys("party_new");
          Map<String, Integer> counted = changes.counts(run.runId()).stream().collect(
              java.util.stream.Collectors.toMap(PartyChangeDao.Count::change,
                  PartyChangeDao.Count::records));
          LOG.info("  incremental: {} party records added, {} changed, {} deleted",
              String.format("%,d", counted.getOrDefault("added", 0)),
              String.format("%,d", counted.getOrDefault("changed", 0)),
              String.format("%,d", counted.getOrDefault("deleted", 0)));
        } else {
          suspended.close();
          paused.close();
          changes.newKeys("hcp.party");
          LOG.info("  {} party records standardized", String.format("%,d", rows));
        }
        changes.forgetStagedChanges(run.runId());
        RunMode.standardized(writer, run.runId(), run.rules());
      });
    } finally {
      pool.shutdownNow();
    }
    if (unknownSpecialties.total() > 0) {
      LOG.warn("  {} party records with an unknown specialty; most frequent: {}",
          String.format("%,d", unknownSpecialties.total()),
          String.join(", ", unknownSpecialties.top(5)));
    }
  }

  /**
   * The records whose staged rows ingest changed after run {@code since}, for the select. When
   * they are a few, the select looks each one up ({@link IndexLookups}: 0.35 s to 0.1 s for
   * 10,000 records of 1,000,000).
   */
  private static void changedRecords(Handle reader, long since) {
    int records = reader.createUpdate("""
            create temporary table changed_record on commit drop as
            select distinct system, source_id from hcp.staged_change where run_id > :since""")
        .bind("since", since).execute();
    reader.execute("analyze changed_record");
    IndexLookups.forFew(reader, records);
  }

  /** A staged row and the party_id it keeps (or gets, when its record is new). */
  private record Numbered(int partyId, StagedParty row) {}

  /** Standardizes rows on the pool. */
  private static Future<Chunk> submit(ExecutorService pool,
      ThreadLocal<PartyStandardizer> standardizers, String copy, List<Numbered> rows,
      long runId) {
    return pool.submit(() -> {
      PartyStandardizer standardizer = standardizers.get();
      CopyBuffer out = new CopyBuffer(copy);
      List<String> unknown = new ArrayList<>();
      for (Numbered numbered : rows) {
        standardizer.write(out, numbered.partyId(), runId, numbered.row(), unknown);
      }
      return new Chunk(out, unknown);
    });
  }

  private static Chunk result(Future<Chunk> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Hcp360Exception("standardize was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new Hcp360Exception("could not standardize: " + cause.getMessage(), cause);
    }
  }

  private static ThreadFactory daemon() {
    return Thread.ofPlatform().name("standardize-", 1).daemon().factory();
  }

  private static CopyManager copyManager(Handle writer) {
    try {
      return CopyBuffer.copyManager(writer);
    } catch (SQLException e) {
      throw new Hcp360Exception("could not write hcp.party: " + e.getMessage(), e);
    }
  }

  private static void flush(CopyBuffer buffer, CopyManager copy) {
    try {
      buffer.flush(copy);
    } catch (SQLException e) {
      throw new Hcp360Exception("could not write hcp.party: " + e.getMessage(), e);
    }
  }
}
