package io.hcp360.standardize;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.run.Progress;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
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
 * match keys computed. Rebuilt whole on every run, so a restart simply does it again. Rows are
 * numbered (party_id) in the order of the select and standardized in chunks on all cores; the
 * chunks are written in that order, so the table does not depend on the number of threads.
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
    String select = Sql.load(StandardizeStage.class, "latest-staged-party");
    String copy = Sql.load(StandardizeStage.class, "copy-party");
    Tally unknownSpecialties = new Tally();
    ThreadLocal<PartyStandardizer> standardizers = ThreadLocal.withInitial(PartyStandardizer::new);
    long records = run.jdbi().withHandle(h -> h.createQuery(
        Sql.load(StandardizeStage.class, "count-staged-party")).bind("runId", run.runId())
        .mapTo(Long.class).one());
    Progress progress = Progress.start("standardize", "party records", records);
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
    try {
      run.jdbi().useTransaction(writer -> {
        writer.execute("truncate hcp.party cascade");
        SuspendedIndexes suspended = SuspendedIndexes.of(writer, "hcp.party");
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
        int rows = run.jdbi().inTransaction(reader -> reader.createQuery(select)
            .bind("runId", run.runId())
            .setFetchSize(5_000)
            .scanResultSet((supplier, ctx) -> {
              ResultSet rs = supplier.get();
              Map<String, Integer> columns = StagedParty.columns(rs);
              int partyId = 0;
              int capacity = Math.min(chunkRows, CHUNK_ROWS);
              List<StagedParty> batch = new ArrayList<>(capacity);
              while (rs.next()) {
                batch.add(StagedParty.read(rs, columns));
                if (batch.size() == chunkRows) {
                  inFlight.add(submit(pool, standardizers, copy, batch, partyId, run.runId()));
                  partyId += batch.size();
                  batch = new ArrayList<>(capacity);
                  if (inFlight.size() > 2 * threads) {
                    writeOut.accept(inFlight.removeFirst());
                  }
                }
              }
              if (!batch.isEmpty()) {
                inFlight.add(submit(pool, standardizers, copy, batch, partyId, run.runId()));
                partyId += batch.size();
              }
              return partyId;
            }));
        while (!inFlight.isEmpty()) {
          writeOut.accept(inFlight.removeFirst());
        }
        suspended.close();
        progress.finish();
        LOG.info("  {} party records standardized", String.format("%,d", rows));
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

  /** Standardizes rows numbered from {@code lastPartyId + 1} on the pool. */
  private static Future<Chunk> submit(ExecutorService pool,
      ThreadLocal<PartyStandardizer> standardizers, String copy, List<StagedParty> rows,
      int lastPartyId, long runId) {
    return pool.submit(() -> {
      PartyStandardizer standardizer = standardizers.get();
      CopyBuffer out = new CopyBuffer(copy);
      List<String> unknown = new ArrayList<>();
      int partyId = lastPartyId;
      for (StagedParty row : rows) {
        standardizer.write(out, ++partyId, runId, row, unknown);
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
