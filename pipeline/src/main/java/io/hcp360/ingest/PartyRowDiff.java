package io.hcp360.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file read again changes in the staged party rows, from the rows of its earlier copy and
 * the rows it holds now, each in line order.
 *
 * <p>A row the file holds now is <em>kept</em> when an earlier row of the same record with the
 * same values (row hash) is left to pair it with: it is not staged again, and its staged row
 * keeps the run and line that read it. Other rows are staged; earlier rows left unpaired are
 * deleted ({@link #gone()}).
 *
 * <p>A record is <em>changed</em> when the hashes of its rows, in file order, differ between the
 * two copies (a row added, removed or edited, or the record's rows reordered, which can change
 * the version standardize picks). Rows that only moved to other lines, with the record's other
 * rows, do not change it. Standardize looks at the changed records only ({@link #changed()}).
 * The kept rows of a changed record are given their line now and this run ({@link #moved()}),
 * so that all of a record's rows in a file count lines in one copy of the file: standardize
 * breaks ties between a record's versions by line. A file read for the first time changes all
 * its records and stages all its rows.
 */
final class PartyRowDiff {
  /** An earlier staged row: where it is stored, its line, hash and the line it is kept at. */
  private static final class Earlier {
    final String ctid;
    final int line;
    final String hash;
    int lineNow = -1;  // not kept (yet)

    Earlier(String ctid, int line, String hash) {
      this.ctid = ctid;
      this.line = line;
      this.hash = hash;
    }
  }

  /** One record's rows: the hashes in line order before and now, and the earlier rows. */
  private static final class Rows {
    String before = "";
    String now = "";
    final List<Earlier> earlier = new ArrayList<>(1);
  }

  /** A kept row to give a new line and run: its storage and its line now. */
  record Move(String ctid, int line) {}

  private final Map<String, Rows> records = new HashMap<>();

  /** A party row of the file's earlier copy (in line order): its ctid, line, record, hash. */
  void before(String ctid, int line, String sourceId, String rowHash) {
    Rows rows = records.computeIfAbsent(sourceId, k -> new Rows());
    rows.before = rows.before.concat(rowHash);
    rows.earlier.add(new Earlier(ctid, line, rowHash));
  }

  /**
   * A party row the file holds now, in line order; true when it must be staged (no earlier row
   * of its record with the same values is left to keep).
   */
  boolean now(String sourceId, String rowHash, int line) {
    Rows rows = records.computeIfAbsent(sourceId, k -> new Rows());
    rows.now = rows.now.concat(rowHash);
    for (Earlier earlier : rows.earlier) {
      if (earlier.lineNow < 0 && earlier.hash.equals(rowHash)) {
        earlier.lineNow = line;
        return false;
      }
    }
    return true;
  }

  /** The records whose rows differ, in no particular order. */
  List<String> changed() {
    List<String> changed = new ArrayList<>();
    records.forEach((key, rows) -> {
      if (!rows.now.equals(rows.before)) {
        changed.add(key);
      }
    });
    return changed;
  }

  /** The ctids of the earlier rows not kept: to delete. */
  List<String> gone() {
    List<String> gone = new ArrayList<>();
    for (Rows rows : records.values()) {
      for (Earlier earlier : rows.earlier) {
        if (earlier.lineNow < 0) {
          gone.add(earlier.ctid);
        }
      }
    }
    return gone;
  }

  /** The kept rows of changed records that are on another line now. */
  List<Move> moved() {
    List<Move> moved = new ArrayList<>();
    for (Rows rows : records.values()) {
      if (!rows.now.equals(rows.before)) {
        for (Earlier earlier : rows.earlier) {
          if (earlier.lineNow >= 0 && earlier.lineNow != earlier.line) {
            moved.add(new Move(earlier.ctid, earlier.lineNow));
          }
        }
      }
    }
    return moved;
  }
}
