package io.hcp360.ingest;

import io.hcp360.config.Facet;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.config.SourceFile;
import io.hcp360.run.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.postgresql.copy.CopyManager;

/**
 * Loads one file into the staging tables with COPY: every row is staged (all of its facets) or
 * rejected with its line, reason and raw text; a party row kept from the file's earlier copy
 * ({@link PartyRowDiff}) is staged already. Runs inside the caller's transaction, so a file is
 * staged whole or not at all.
 */
final class FileIngester {
  private static final int FLUSH_BYTES = 16 << 20;

  private final Map<Facet, String> copySql = new EnumMap<>(Facet.class);
  private final String rejectSql;

  FileIngester() {
    for (Facet facet : Facet.values()) {
      copySql.put(facet, Sql.load(FileIngester.class, "copy-" + facet.table()));
    }
    rejectSql = Sql.load(FileIngester.class, "copy-reject");
  }

  /**
   * Whether the rows a file stages can all be kept by their line's hash: party rows, and consent
   * facts (which carry it too), each row one line. Then a line staged before needs no parsing.
   */
  static boolean keptByLine(SourceFile source) {
    return !source.dialect().rowsMaySpanLines() && source.facets().stream()
        .allMatch(f -> f.facet() == Facet.PARTY || f.facet() == Facet.CONSENT);
  }

  /**
   * Stages the file's rows.
   *
   * @param fingerprint of the job file, for the hashes of the lines
   * @param diff told each party row's record, hash and line, in line order, and asked whether
   *     to stage it (or null: stage every row)
   * @param skipKnown whether the lines {@code diff} knows are kept unparsed (only where
   *     {@link #keptByLine}; their consent facts too: the caller keeps those)
   */
  FileCounts ingest(Handle handle, long runId, SourceFile source, Path file, String shownPath,
      Fingerprint fingerprint, PartyRowDiff diff, boolean skipKnown)
      throws IOException, SQLException {
    CopyManager copy = CopyBuffer.copyManager(handle);
    long size = Files.size(file);
    Progress progress = Progress.start("ingest " + source.label() + " " + shownPath, "rows", 0);
    try (CsvRowReader reader = new CsvRowReader(file, source.dialect())) {
      // Where a row is one line, each party row and consent fact carries its line's hash;
      // lines staged before need not be parsed again when those are all the file stages.
      LineHash lineHash = source.dialect().rowsMaySpanLines() ? null
          : fingerprint.lines(reader.columns());
      if (lineHash != null && diff != null && skipKnown) {
        reader.skipKnown((line, utf8) -> diff.known(lineHash.ofUtf8(utf8), line));
      }
      Rows rows = new Rows(runId, source, shownPath, new RowMapper(source, reader.columns()),
          lineHash, diff);
      SourceRow row;
      while ((row = reader.next()) != null) {
        rows.stage(row);
        if (rows.pending() > FLUSH_BYTES) {
          rows.flush(copy);
        }
        if ((rows.read & 255) == 0 && reader.bytesRead() > 0) {
          progress.expect(Math.max(rows.read,
              Math.round(rows.read * (double) size / reader.bytesRead())));
        }
        progress.advance(1);
      }
      rows.flush(copy);
      return new FileCounts(source.system(), source.name(), shownPath, rows.read, rows.staged,
          rows.rejected);
    } finally {
      progress.finish();
    }
  }

  /**
   * The rows of one file on their way to the staging tables: each row is staged (all of its
   * facets) or rejected, into COPY buffers flushed as they fill.
   *
   * <p>One row at a time, in a method of its own: with the loop over the file's rows and all it
   * does in one method, the compiler compiled that whole method again while it ran (1.6 s of a
   * core during the benchmark's incremental ingest, on two cores).
   */
  private final class Rows {
    private final long runId;
    private final SourceFile source;
    private final String shownPath;
    private final RowMapper mapper;
    private final LineHash lineHash;
    private final boolean hashesLines;
    private final PartyRowDiff diff;
    private final RowHash rowHash = new RowHash();
    private final Map<Facet, CopyBuffer> buffers = new EnumMap<>(Facet.class);
    private final CopyBuffer rejects = new CopyBuffer(rejectSql);
    long read;
    long staged;
    long rejected;

    Rows(long runId, SourceFile source, String shownPath, RowMapper mapper, LineHash lineHash,
        PartyRowDiff diff) {
      this.runId = runId;
      this.source = source;
      this.shownPath = shownPath;
      this.mapper = mapper;
      this.lineHash = lineHash;
      this.hashesLines = source.facet(Facet.PARTY).isPresent()
          || source.facet(Facet.CONSENT).isPresent();
      this.diff = diff;
      for (Facet facet : Facet.values()) {
        buffers.put(facet, new CopyBuffer(copySql.get(facet)));
      }
    }

    /** Stages or rejects the row. */
    void stage(SourceRow row) {
      read++;
      if (row instanceof SourceRow.Known known) {
        diff.nowKnown(known.line());
        staged++;
      } else if (row instanceof SourceRow.Parsed parsed) {
        try {
          stageParsed(parsed);
          staged++;
        } catch (RowRejected e) {
          reject(row.line(), e.getMessage(), parsed.raw());
        }
      } else if (row instanceof SourceRow.Unreadable unreadable) {
        reject(row.line(), unreadable.reason(), unreadable.raw());
      }
    }

    private void stageParsed(SourceRow.Parsed row) throws RowRejected {
      MappedRow mapped = mapper.map(row.values());
      // the hash of the line, for the facets that carry it (party rows, consent facts)
      Hash128 line = lineHash == null || !hashesLines ? null : lineHash.of(row.raw());
      for (Map.Entry<Facet, String[]> facet : mapped.facets().entrySet()) {
        String[] values = facet.getValue();
        String extras = null;
        Hash128 hash = null;
        if (facet.getKey() == Facet.PARTY) {
          extras = mapped.extrasJson().orElse("{}");
          hash = rowHash.of(values, extras);
          // the party key is the first field
          if (diff != null && !diff.now(values[0], hash, row.line(), line)) {
            continue;  // kept as staged from the file's earlier copy
          }
        }
        CopyBuffer buffer = buffers.get(facet.getKey());
        prefix(buffer, row.line());
        for (String value : values) {
          buffer.value(value);
        }
        if (hash != null) {
          buffer.value(extras).value(hash.toString())
              .value(line == null ? null : line.toString());
        } else if (facet.getKey() == Facet.CONSENT) {
          buffer.value(line == null ? null : line.toString());
        }
        buffer.endRow();
      }
    }

    private void reject(int line, String reason, String raw) {
      rejected++;
      prefix(rejects, line);
      rejects.value(reason).value(raw).endRow();
    }

    private void prefix(CopyBuffer buffer, int line) {
      buffer.value(runId).value(source.system()).value(source.name()).value(shownPath)
          .value(line);
    }

    long pending() {
      long size = rejects.size();
      for (CopyBuffer buffer : buffers.values()) {
        size += buffer.size();
      }
      return size;
    }

    void flush(CopyManager copy) throws SQLException {
      for (CopyBuffer buffer : buffers.values()) {
        buffer.flush(copy);
      }
      rejects.flush(copy);
    }
  }
}
