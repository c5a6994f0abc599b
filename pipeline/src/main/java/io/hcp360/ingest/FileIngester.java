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
    Map<Facet, CopyBuffer> buffers = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      buffers.put(facet, new CopyBuffer(copySql.get(facet)));
    }
    CopyBuffer rejects = new CopyBuffer(rejectSql);
    long read = 0;
    long staged = 0;
    long rejected = 0;
    long size = Files.size(file);
    RowHash rowHash = new RowHash();
    Progress progress = Progress.start("ingest " + source.label() + " " + shownPath, "rows", 0);
    try (CsvRowReader reader = new CsvRowReader(file, source.dialect())) {
      RowMapper mapper = new RowMapper(source, reader.columns());
      // Where a row is one line, each party row and consent fact carries its line's hash;
      // lines staged before need not be parsed again when those are all the file stages.
      LineHash lineHash = source.dialect().rowsMaySpanLines() ? null
          : fingerprint.lines(reader.columns());
      boolean hashesLines = source.facet(Facet.PARTY).isPresent()
          || source.facet(Facet.CONSENT).isPresent();
      if (lineHash != null && diff != null && skipKnown) {
        reader.skipKnown((line, utf8) -> diff.known(lineHash.ofUtf8(utf8), line));
      }
      SourceRow row;
      while ((row = reader.next()) != null) {
        read++;
        String reason = null;
        String raw = null;
        if (row instanceof SourceRow.Known known) {
          diff.nowKnown(known.line());
          staged++;
        } else if (row instanceof SourceRow.Parsed parsed) {
          raw = parsed.raw();
          try {
            MappedRow mapped = mapper.map(parsed.values());
            // the hash of the line, for the facets that carry it (party rows, consent facts)
            Hash128 line = lineHash == null || !hashesLines ? null : lineHash.of(raw);
            for (Map.Entry<Facet, String[]> facet : mapped.facets().entrySet()) {
              String[] values = facet.getValue();
              String extras = null;
              Hash128 hash = null;
              if (facet.getKey() == Facet.PARTY) {
                extras = mapped.extrasJson().orElse("{}");
                hash = rowHash.of(values, extras);
                // the party key is the first field
                if (diff != null
                    && !diff.now(values[0], hash, row.line(), line)) {
                  continue;  // kept as staged from the file's earlier copy
                }
              }
              CopyBuffer buffer = buffers.get(facet.getKey());
              prefix(buffer, runId, source, shownPath, row.line());
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
            staged++;
          } catch (RowRejected e) {
            reason = e.getMessage();
          }
        } else if (row instanceof SourceRow.Unreadable unreadable) {
          reason = unreadable.reason();
          raw = unreadable.raw();
        }
        if (reason != null) {
          rejected++;
          prefix(rejects, runId, source, shownPath, row.line());
          rejects.value(reason).value(raw).endRow();
        }
        if (pending(buffers, rejects) > FLUSH_BYTES) {
          flush(copy, buffers, rejects);
        }
        if ((read & 255) == 0 && reader.bytesRead() > 0) {
          progress.expect(Math.max(read, Math.round(read * (double) size / reader.bytesRead())));
        }
        progress.advance(1);
      }
    } finally {
      progress.finish();
    }
    flush(copy, buffers, rejects);
    return new FileCounts(source.system(), source.name(), shownPath, read, staged, rejected);
  }

  private static void prefix(
      CopyBuffer buffer, long runId, SourceFile source, String path, int line) {
    buffer.value(runId).value(source.system()).value(source.name()).value(path).value(line);
  }

  private static long pending(Map<Facet, CopyBuffer> buffers, CopyBuffer rejects) {
    long size = rejects.size();
    for (CopyBuffer buffer : buffers.values()) {
      size += buffer.size();
    }
    return size;
  }

  private static void flush(CopyManager copy, Map<Facet, CopyBuffer> buffers, CopyBuffer rejects)
      throws SQLException {
    for (CopyBuffer buffer : buffers.values()) {
      buffer.flush(copy);
    }
    rejects.flush(copy);
  }
}
