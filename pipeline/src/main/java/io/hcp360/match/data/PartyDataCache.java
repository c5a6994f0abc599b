package io.hcp360.match.data;

import io.hcp360.match.rules.FieldSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The party data the match step loaded, kept in the working folder for the next run: an
 * incremental run reads it and loads from the server only the records its standardize step
 * added or changed, instead of every record's fields.
 *
 * <p>The copy is used only when it holds exactly the party records the run's changes were made
 * to. Its stamp is the XOR of every record's {@code uuid_hash_extended(row_hash, party_id)} and
 * the highest run that wrote a record. The run recomputes, on the server, the same checksum of
 * the records as they were before its standardize step: today's records (their checksum as
 * {@code hcp.party_tally} keeps it, which triggers update with every statement that changes
 * {@code hcp.party}), without the ones it added or changed, with the earlier versions of those
 * it changed or deleted ({@code hcp.party_previous}). It also checks that no record was written
 * after the copy by another run. Anything else (another database, another rule set, a run that
 * failed before writing its copy, a damaged file) loads every record as before.
 *
 * <p>Patched data holds the same values, with the same counts, as a fresh load; only the codes
 * may be numbered in another order, which nothing reads (codes are compared for equality).
 */
public final class PartyDataCache {
  private static final Logger LOG = LoggerFactory.getLogger(PartyDataCache.class);

  /** The state of {@code hcp.party} a copy was loaded from. */
  public record Stamp(long checksum, long lastRun) {}

  private final Path dir;
  private final String ruleSet;

  /** @param dir the folder the copies are kept in (one per database and rule set) */
  public PartyDataCache(Path dir, String ruleSet) {
    this.dir = dir;
    this.ruleSet = ruleSet;
  }

  /**
   * The party data of an incremental run, from the kept copy patched with the run's changes;
   * none when there is no copy this run can use.
   */
  public Optional<Loaded> load(Jdbi jdbi, Collection<FieldSource> fields, long runId,
      Changes changes) {
    long start = System.nanoTime();
    Path file;
    try {
      file = file(jdbi);
    } catch (RuntimeException e) {
      LOG.warn("  could not name the kept party data ({}): loading every record", e.getMessage());
      return Optional.empty();
    }
    if (!Files.exists(file)) {
      LOG.info("  no kept copy of the party data: loading every record");
      return Optional.empty();
    }
    // The file is read while the server sums up the records it must hold; a copy that does not
    // fit is let go.
    CompletableFuture<Optional<PartyDataFile.Contents>> read = CompletableFuture.supplyAsync(
        () -> {
          try {
            return PartyDataFile.read(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, runnable -> Thread.ofPlatform().name("party-data-read").daemon().start(runnable));
    Before before;
    try {
      before = jdbi.withHandle(h -> before(h, runId));
    } catch (RuntimeException e) {  // a query the server refuses, say
      LOG.warn("  could not check the kept party data against the records ({}): loading every"
          + " record", e.getMessage());
      return Optional.empty();
    }
    // The copy's signature and stamp decide.
    PartyDataFile.Contents contents;
    try {
      Optional<PartyDataFile.Contents> copy = read.join();
      String refused = copy.isEmpty() ? "of another format"
          : !copy.get().signature().equals(PartyDataLoader.signature(fields))
              ? "of other fields"
          : copy.get().stamp().checksum() != before.checksum()
              ? "of other records than this run changed"
          : before.earlierRun() > copy.get().stamp().lastRun()
              ? "older than run " + before.earlierRun() : null;
      if (refused != null) {
        LOG.info("  the kept copy of the party data is {}: loading every record", refused);
        return Optional.empty();
      }
      contents = copy.get();
    } catch (CompletionException e) {
      LOG.warn("  could not read the kept party data {} ({}): loading every record", file,
          e.getCause() instanceof UncheckedIOException io ? io.getCause().getMessage()
              : e.getCause().getMessage());
      return Optional.empty();
    }
    PartyData fresh = PartyDataLoader.load(jdbi, fields, changes.addedOrChanged());
    PartyData patched = patch(contents.data(), fresh, changes.changedOrDeleted(),
        changes.addedOrChanged());
    LOG.info("  party data from the kept copy of run {}, with {} records loaded again, in {} s",
        contents.stamp().lastRun(),
        String.format("%,d", changes.addedOrChanged().length),
        String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return Optional.of(new Loaded(patched, new Stamp(before.now(), before.lastRun())));
  }

  /** Patched data, and the stamp of the records it now holds. */
  public record Loaded(PartyData data, Stamp stamp) {}

  /**
   * Keeps the data for the next run, as loaded from {@code hcp.party} in the state stamped (none:
   * the records as they are now). Only the next run's speed depends on the copy: a copy that
   * cannot be kept is logged and left out.
   */
  public void save(Jdbi jdbi, Collection<FieldSource> fields, PartyData data,
      Optional<Stamp> stamped) {
    long start = System.nanoTime();
    Path file = null;
    try {
      file = file(jdbi);
      Stamp stamp = stamped.orElseGet(() -> stamp(jdbi));
      PartyDataFile.write(file, PartyDataLoader.signature(fields), stamp, data,
          fields.stream().map(FieldSource::name).toList());
      LOG.info("  kept a copy of the party data for the next run in {} s ({} MB)",
          String.format("%.1f", (System.nanoTime() - start) / 1e9),
          Files.size(file) >> 20);
    } catch (IOException | RuntimeException e) {
      LOG.warn("  could not keep a copy of the party data in {}: {}", file == null ? dir : file,
          e.getMessage());
      try {
        if (file != null) {
          Files.deleteIfExists(file);
        }
      } catch (IOException ignored) {
        // the next run refuses a copy whose stamp does not fit
      }
    }
  }

  /** The stamp of the party records as they are now. */
  public static Stamp stamp(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("""
            select coalesce(bit_xor(checksum), 0), coalesce(max(run_id), 0)
            from hcp.party_tally""")
        .map((rs, ctx) -> new Stamp(rs.getLong(1), rs.getLong(2))).one());
  }

  /** The copy of this database and rule set. */
  private Path file(Jdbi jdbi) {
    String database = jdbi.withHandle(h -> h.createQuery(
            "select current_database() || '-' || 'hcp.party'::regclass::oid")
        .mapTo(String.class).one());
    return dir.resolve(("party-data-" + ruleSet + "-" + database).replaceAll("[^A-Za-z0-9._-]",
        "_") + ".bin");
  }

  /**
   * @param checksum the stamp's checksum of the records before the run's standardize step
   * @param now the checksum of the records now
   * @param lastRun the highest run that wrote a record
   * @param earlierRun the highest run other than this one that wrote a record
   */
  private record Before(long checksum, long now, long lastRun, long earlierRun) {}

  private static Before before(Handle handle, long runId) {
    return handle.createQuery("""
            with now as (
              select coalesce(bit_xor(checksum), 0) as checksum,
                coalesce(max(run_id), 0) as last_run,
                coalesce(max(run_id) filter (where run_id <> :runId), 0) as earlier_run
              from hcp.party_tally),
            redone as (
              select coalesce(bit_xor(uuid_hash_extended(p.row_hash, p.party_id)), 0) as checksum
              from hcp.party p join hcp.party_change c using (party_id)
              where c.run_id = :runId and c.change <> 'deleted'),
            earlier as (
              select coalesce(bit_xor(uuid_hash_extended(row_hash, party_id)), 0) as checksum
              from hcp.party_previous)
            select now.checksum # redone.checksum # earlier.checksum, now.checksum,
              now.last_run, now.earlier_run
            from now, redone, earlier""")
        .bind("runId", runId)
        .map((rs, ctx) -> new Before(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getLong(4)))
        .one();
  }

  /**
   * The party ids the run's standardize step added or changed, and changed or deleted
   * ({@code hcp.party_change}).
   */
  public record Changes(int[] addedOrChanged, int[] changedOrDeleted) {}

  /**
   * The kept data with the records the run changed replaced: those changed or deleted leave,
   * those added or changed come in with their values in {@code fresh} (loaded for them only,
   * and sized as {@code hcp.party} is now). Values no record holds any more are dropped.
   */
  static PartyData patch(PartyData kept, PartyData fresh, int[] changedOrDeleted,
      int[] addedOrChanged) {
    int size = fresh.size();
    String[] systems = new String[size];
    for (int r = 0; r < Math.min(size, kept.size()); r++) {
      systems[r] = kept.system(r);
    }
    for (int partyId : changedOrDeleted) {
      int r = PartyData.record(partyId);
      if (r < size) {
        systems[r] = null;
      }
    }
    for (int partyId : addedOrChanged) {
      int r = PartyData.record(partyId);
      systems[r] = fresh.system(r);
    }
    // The columns on all cores: one at a time, the benchmark's nineteen at 1,000,000 records took
    // 0.44 s on one core while the other was idle.
    List<String> names = List.copyOf(kept.columnNames());
    List<FieldColumn> patched = names.parallelStream()
        .map(name -> patch(kept.column(name), fresh.column(name), size, changedOrDeleted,
            addedOrChanged))
        .toList();
    Map<String, FieldColumn> columns = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      columns.put(names.get(i), patched.get(i));
    }
    return new PartyData(size, systems, columns);
  }

  private static FieldColumn patch(FieldColumn kept, FieldColumn fresh, int size,
      int[] changedOrDeleted, int[] addedOrChanged) {
    int[] codes = new int[size];
    int keptSize = Math.min(size, kept.size());
    for (int r = 0; r < keptSize; r++) {
      codes[r] = kept.code(r);
    }
    Arrays.fill(codes, keptSize, size, FieldColumn.ABSENT);
    int[] counts = new int[kept.codes()];
    for (int code = 0; code < counts.length; code++) {
      counts[code] = kept.frequency(code);
    }
    for (int partyId : changedOrDeleted) {
      int r = PartyData.record(partyId);
      if (r < kept.size() && kept.code(r) != FieldColumn.ABSENT) {
        counts[kept.code(r)]--;
      }
      if (r < size) {
        codes[r] = FieldColumn.ABSENT;
      }
    }
    // The values still held keep their order; new ones are numbered after them.
    // sized for them at once: grown from empty, it hashed its values again ten times and more
    ValueDictionary dictionary = new ValueDictionary(counts.length + addedOrChanged.length);
    int[] renumber = new int[counts.length];
    for (int code = 0; code < counts.length; code++) {
      renumber[code] = counts[code] > 0 ? dictionary.add(kept.valueOf(code), counts[code])
          : FieldColumn.ABSENT;
    }
    for (int r = 0; r < size; r++) {
      if (codes[r] != FieldColumn.ABSENT) {
        codes[r] = renumber[codes[r]];
      }
    }
    for (int partyId : addedOrChanged) {
      int r = PartyData.record(partyId);
      String value = fresh.value(r);
      codes[r] = value == null ? FieldColumn.ABSENT : dictionary.add(value, 1);
    }
    return new FieldColumn(kept.name(), codes, dictionary.values(), dictionary.counts());
  }
}
